using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Cel;

public sealed class CelEvaluatorTests
{
    private static object? Evaluate(string expression, string selfJson) =>
        CelEvaluator.Evaluate(expression, new Dictionary<string, object?> { ["self"] = CelEvaluator.FromJson(JsonNode.Parse(selfJson)) });

    [Theory]
    [InlineData("self.type != 'Memory' || self.replicas <= 1", """{"type":"Memory","replicas":1}""", true)]
    [InlineData("self.type != 'Memory' || self.replicas <= 1", """{"type":"Memory","replicas":3}""", false)]
    [InlineData("self.type != 'Memory' || self.replicas <= 1", """{"type":"Redis","replicas":3}""", true)]
    [InlineData("(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) + (has(self.c) ? 1 : 0) == 1", """{"b":[]}""", true)]
    [InlineData("(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) + (has(self.c) ? 1 : 0) == 1", """{"a":[],"c":{}}""", false)]
    [InlineData("!(has(self.generate) && has(self.secretKeyRef))", """{"generate":{}}""", true)]
    [InlineData("!has(self.engine) && !has(self.http_server)", """{"client":{}}""", true)]
    [InlineData("size(self.name) <= 3 && self.items.size() == 2", """{"name":"abc","items":[1,2]}""", true)]
    [InlineData("self.a.b == 'x'", """{"a":{"b":"x"}}""", true)]
    [InlineData("self.n * 2 - 1 > 4", """{"n":3}""", true)]
    public void Evaluates(string expression, string self, bool expected)
    {
        Assert.Equal(expected, Evaluate(expression, self));
    }

    [Fact]
    public void SelectingAnUnsetField_IsANoSuchKeyError()
    {
        // As on the API server: an unset optional field cannot be read, and false does not absorb the error.
        Assert.Equal(new CelError("no such key: enabled"), Evaluate("!self.enabled || self.min > self.max", """{"min":1,"max":2}"""));
        Assert.Equal(new CelError("no such key: enabled"), Evaluate("!self.enabled", "{}"));
        Assert.Equal(true, Evaluate("!has(self.enabled) || !self.enabled", "{}"));
    }

    [Fact]
    public void Or_AbsorbsAnErrorWhenTheOtherSideIsTrue()
    {
        Assert.Equal(true, Evaluate("self.missing || true", "{}"));
        Assert.Equal(true, Evaluate("true || self.missing", "{}"));
        Assert.Equal(false, Evaluate("self.missing && false", "{}"));
    }

    [Fact]
    public void UnsupportedSyntax_Throws()
    {
        Assert.Throws<NotSupportedException>(() => Evaluate("self.items.all(i, i > 0)", """{"items":[1]}"""));
        Assert.Throws<NotSupportedException>(() => Evaluate("'a' in self.list", """{"list":["a"]}"""));
    }
}
