using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Cel;

/// <summary>
/// Evaluates the subset of CEL that CRD validation rules use: field selection, <c>has()</c>, <c>size()</c>,
/// literals, <c>! - + * / %</c>, comparisons, <c>&amp;&amp; ||</c> with CEL's error absorption, and <c>?:</c>.
/// Values are bool, long, double, string, null, JsonObject (maps and objects) and JsonArray (lists); selecting a
/// field that is not set gives the error "no such key", as on the API server. Syntax outside the subset throws
/// <see cref="NotSupportedException"/>, so a rule the evaluator cannot read fails loudly instead of passing.
/// </summary>
public sealed class CelEvaluator
{
    private readonly List<CelToken> _tokens;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly string _expression;
    private int _next;

    private CelEvaluator(string expression, IReadOnlyDictionary<string, object?> variables)
    {
        _expression = expression;
        _tokens = CelLexer.Tokenize(expression);
        _variables = variables;
    }

    /// <summary>Evaluates <paramref name="expression"/>; the result may be a <see cref="CelError"/>.</summary>
    public static object? Evaluate(string expression, IReadOnlyDictionary<string, object?> variables)
    {
        var evaluator = new CelEvaluator(expression, variables);
        var result = evaluator.Conditional();
        evaluator.Expect(CelTokenKind.End, "");
        return result;
    }

    /// <summary>A JSON node as a CEL value.</summary>
    public static object? FromJson(JsonNode? node)
    {
        // Written out with returns on purpose: in a switch expression the JsonNode arm would convert the scalars
        // back into JsonNode through its implicit operators.
        if (node is null or JsonObject or JsonArray)
        {
            return node;
        }

        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.Number when value.TryGetValue<long>(out var integer):
                return integer;
            case JsonValueKind.Number:
                return value.GetValue<double>();
            default:
                return null;
        }
    }

    private object? Conditional()
    {
        var condition = Or();
        if (!Accept("?"))
        {
            return condition;
        }

        var whenTrue = Conditional();
        Expect(CelTokenKind.Symbol, ":");
        var whenFalse = Conditional();
        return condition switch
        {
            bool flag => flag ? whenTrue : whenFalse,
            CelError error => error,
            _ => new CelError("no matching overload for '_?_:_'"),
        };
    }

    private object? Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var right = And();
            left = (left, right) switch
            {
                (true, _) or (_, true) => true,
                (false, false) => false,
                (CelError error, _) => error,
                (_, CelError error) => error,
                _ => new CelError("no matching overload for '_||_'"),
            };
        }

        return left;
    }

    private object? And()
    {
        var left = Relation();
        while (Accept("&&"))
        {
            var right = Relation();
            left = (left, right) switch
            {
                (false, _) or (_, false) => false,
                (true, true) => true,
                (CelError error, _) => error,
                (_, CelError error) => error,
                _ => new CelError("no matching overload for '_&&_'"),
            };
        }

        return left;
    }

    private object? Relation()
    {
        var left = Sum();
        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            if (Accept(op))
            {
                return CelOperators.Compare(op, left, Sum());
            }
        }

        return left;
    }

    private object? Sum()
    {
        var left = Product();
        while (Peek("+") || Peek("-"))
        {
            var op = _tokens[_next++].Text;
            left = CelOperators.Arithmetic(op, left, Product());
        }

        return left;
    }

    private object? Product()
    {
        var left = Unary();
        while (Peek("*") || Peek("/") || Peek("%"))
        {
            var op = _tokens[_next++].Text;
            left = CelOperators.Arithmetic(op, left, Unary());
        }

        return left;
    }

    private object? Unary()
    {
        if (Accept("!"))
        {
            return Unary() switch
            {
                bool flag => !flag,
                CelError error => error,
                _ => new CelError("no matching overload for '!_'"),
            };
        }

        if (Accept("-"))
        {
            return CelOperators.Arithmetic("-", 0L, Unary());
        }

        return Member();
    }

    private object? Member()
    {
        var value = Primary();
        while (true)
        {
            if (Accept("."))
            {
                var name = Expect(CelTokenKind.Identifier, null).Text;
                if (Accept("("))
                {
                    value = CallMethod(value, name);
                }
                else
                {
                    value = CelOperators.Select(value, name);
                }
            }
            else if (Accept("["))
            {
                var index = Conditional();
                Expect(CelTokenKind.Symbol, "]");
                value = CelOperators.Index(value, index);
            }
            else
            {
                return value;
            }
        }
    }

    private object? Primary()
    {
        var token = _tokens[_next++];
        switch (token.Kind)
        {
            case CelTokenKind.Integer:
                return long.Parse(token.Text, CultureInfo.InvariantCulture);
            case CelTokenKind.Double:
                return double.Parse(token.Text, CultureInfo.InvariantCulture);
            case CelTokenKind.String:
                return token.Text;
            case CelTokenKind.Symbol when token.Text == "(":
                var inner = Conditional();
                Expect(CelTokenKind.Symbol, ")");
                return inner;
            case CelTokenKind.Identifier when token.Text is "true" or "false":
                return token.Text == "true";
            case CelTokenKind.Identifier when token.Text == "null":
                return null;
            case CelTokenKind.Identifier when Accept("("):
                return CallFunction(token.Text);
            case CelTokenKind.Identifier when _variables.TryGetValue(token.Text, out var variable):
                return variable;
            default:
                throw Unsupported(token);
        }
    }

    private object? CallFunction(string name)
    {
        if (name == "has")
        {
            return HasMacro();
        }

        if (name == "size")
        {
            var argument = Conditional();
            Expect(CelTokenKind.Symbol, ")");
            return CelOperators.Size(argument);
        }

        throw Unsupported(_tokens[_next - 2]);
    }

    private object? CallMethod(object? target, string name)
    {
        if (name == "size")
        {
            Expect(CelTokenKind.Symbol, ")");
            return CelOperators.Size(target);
        }

        throw Unsupported(_tokens[_next - 2]);
    }

    // has(a.b.c): evaluates a.b and tests whether it holds the field c, without selecting c.
    private object? HasMacro()
    {
        var value = Primary();
        string? field = null;
        while (Accept("."))
        {
            if (field is not null)
            {
                value = CelOperators.Select(value, field);
            }

            field = Expect(CelTokenKind.Identifier, null).Text;
        }

        Expect(CelTokenKind.Symbol, ")");
        if (field is null)
        {
            throw new NotSupportedException($"has() needs a field selection in: {_expression}");
        }

        return value switch
        {
            CelError error => error,
            JsonObject map => map.ContainsKey(field),
            _ => new CelError($"invalid type for field selection: has({field})"),
        };
    }

    private bool Peek(string symbol) => _tokens[_next] is { Kind: CelTokenKind.Symbol } token && token.Text == symbol;

    private bool Accept(string symbol)
    {
        if (!Peek(symbol))
        {
            return false;
        }

        _next++;
        return true;
    }

    private CelToken Expect(CelTokenKind kind, string? text)
    {
        var token = _tokens[_next];
        if (token.Kind != kind || (text is not null && token.Text != text))
        {
            throw Unsupported(token);
        }

        _next++;
        return token;
    }

    private NotSupportedException Unsupported(CelToken token) =>
        new($"CEL syntax the test evaluator does not support at {token.Position} ('{token.Text}') in: {_expression}");
}
