using k8s.Models;

namespace K8sRelay.Operator.Builders;

/// <summary>Conversion of spec strings such as "25%" or "1" to IntOrString values.</summary>
public static class IntOrStrings
{
    /// <summary>A number when the text is an integer, otherwise the text (a percentage).</summary>
    public static IntOrString Parse(IntOrString value) =>
        int.TryParse(value.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : value.Value;
}
