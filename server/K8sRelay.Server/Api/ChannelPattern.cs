using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace K8sRelay.Server.Api;

/// <summary>
/// A glob pattern over channel names, as the <c>channels</c> method's <c>pattern</c> takes it:
/// <c>*</c> any run of characters, <c>?</c> one character, <c>[abc]</c>, <c>[a-z]</c> and
/// <c>[!abc]</c> character classes, <c>{one,two}</c> alternatives and <c>\</c> to escape the next
/// character. Matching runs in linear time.
/// </summary>
public sealed class ChannelPattern
{
    private readonly Regex _regex;

    private ChannelPattern(Regex regex) => _regex = regex;

    /// <summary>Compiles <paramref name="pattern"/>; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryCreate(string pattern, [NotNullWhen(true)] out ChannelPattern? result, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        result = null;
        var regex = new StringBuilder("^");
        var position = 0;
        problem = Translate(pattern, ref position, regex, insideAlternatives: false);
        if (problem is null && position < pattern.Length)
        {
            problem = $"unexpected '{pattern[position]}' at {position}";
        }

        if (problem is not null)
        {
            return false;
        }

        regex.Append('$');
        result = new ChannelPattern(new Regex(regex.ToString(), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline));
        return true;
    }

    /// <summary>True when the whole channel name matches.</summary>
    public bool IsMatch(string channel) => _regex.IsMatch(channel);

    private static string? Translate(string pattern, ref int position, StringBuilder regex, bool insideAlternatives)
    {
        while (position < pattern.Length)
        {
            var c = pattern[position];
            if (insideAlternatives && (c == ',' || c == '}'))
            {
                return null;
            }

            position++;
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '\\':
                    if (position >= pattern.Length)
                    {
                        return "pattern ends with an escape";
                    }

                    regex.Append(Regex.Escape(pattern[position++].ToString()));
                    break;
                case '[':
                    var classProblem = TranslateClass(pattern, ref position, regex);
                    if (classProblem is not null)
                    {
                        return classProblem;
                    }

                    break;
                case '{':
                    var alternativesProblem = TranslateAlternatives(pattern, ref position, regex);
                    if (alternativesProblem is not null)
                    {
                        return alternativesProblem;
                    }

                    break;
                case ']' or '}':
                    return $"unmatched '{c}' at {position - 1}";
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return null;
    }

    private static string? TranslateClass(string pattern, ref int position, StringBuilder regex)
    {
        var start = position - 1;
        regex.Append('[');
        if (position < pattern.Length && pattern[position] == '!')
        {
            regex.Append('^');
            position++;
        }

        var members = 0;
        while (position < pattern.Length && pattern[position] != ']')
        {
            var c = pattern[position++];
            if (c == '\\' && position < pattern.Length)
            {
                c = pattern[position++];
            }

            regex.Append(c == '-' && members > 0 && position < pattern.Length && pattern[position] != ']' ? "-" : EscapeInClass(c));
            members++;
        }

        if (position >= pattern.Length)
        {
            return $"unclosed '[' at {start}";
        }

        if (members == 0)
        {
            return $"empty character class at {start}";
        }

        position++;
        regex.Append(']');
        return null;
    }

    private static string? TranslateAlternatives(string pattern, ref int position, StringBuilder regex)
    {
        var start = position - 1;
        regex.Append("(?:");
        while (true)
        {
            var problem = Translate(pattern, ref position, regex, insideAlternatives: true);
            if (problem is not null)
            {
                return problem;
            }

            if (position >= pattern.Length)
            {
                return $"unclosed '{{' at {start}";
            }

            if (pattern[position++] == '}')
            {
                regex.Append(')');
                return null;
            }

            regex.Append('|');
        }
    }

    private static string EscapeInClass(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();
}
