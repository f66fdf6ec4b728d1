namespace Edge.Core.Rules;

/// <summary>
/// Which entities a rule selects: <c>*</c> (every entity its type sees), a glob, or a list of ids and globs.
/// In a glob, <c>*</c> matches any run of characters (slashes included) and <c>?</c> one character.
/// </summary>
public sealed class Selector
{
    private Selector(IReadOnlyList<string> patterns) => Patterns = patterns;

    public IReadOnlyList<string> Patterns { get; }

    public bool IsAll => Patterns is ["*"];

    public static Selector All { get; } = new(["*"]);

    public static Selector Of(params IReadOnlyList<string> patterns) => new(patterns);

    public bool Matches(string entity)
    {
        foreach (var p in Patterns)
        {
            if (Glob(p, entity))
                return true;
        }
        return false;
    }

    public static bool IsGlob(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Iterative wildcard match with single backtrack point: linear in practice, no allocation.</summary>
    public static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    public override string ToString() => Patterns.Count == 1 ? Patterns[0] : "[" + string.Join(", ", Patterns) + "]";
}
