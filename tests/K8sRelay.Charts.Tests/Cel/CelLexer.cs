using System.Text;

namespace K8sRelay.Charts.Tests.Cel;

/// <summary>Splits a CEL expression into tokens.</summary>
public static class CelLexer
{
    private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", "(", ")", "[", "]", ".", ","];

    /// <summary>The tokens of <paramref name="expression"/>, ending with an End token.</summary>
    public static List<CelToken> Tokenize(string expression)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new CelToken(CelTokenKind.Identifier, expression[start..i], start));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < expression.Length && (char.IsDigit(expression[i]) || expression[i] == '.'))
                {
                    i++;
                }

                var text = expression[start..i];
                tokens.Add(new CelToken(text.Contains('.', StringComparison.Ordinal) ? CelTokenKind.Double : CelTokenKind.Integer, text, start));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(expression, ref i));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(expression, i, s, 0, s.Length) == 0)
                    ?? throw new NotSupportedException($"Unexpected character '{c}' at {i} in CEL expression: {expression}");
                tokens.Add(new CelToken(CelTokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
        }

        tokens.Add(new CelToken(CelTokenKind.End, "", expression.Length));
        return tokens;
    }

    private static CelToken ReadString(string expression, ref int i)
    {
        var quote = expression[i];
        var start = i++;
        var value = new StringBuilder();
        while (i < expression.Length && expression[i] != quote)
        {
            if (expression[i] == '\\' && i + 1 < expression.Length)
            {
                i++;
            }

            value.Append(expression[i++]);
        }

        if (i >= expression.Length)
        {
            throw new NotSupportedException($"Unterminated string at {start} in CEL expression: {expression}");
        }

        i++;
        return new CelToken(CelTokenKind.String, value.ToString(), start);
    }
}
