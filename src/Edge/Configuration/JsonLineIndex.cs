using System.Text.Json;

namespace Edge.Configuration;

/// <summary>
/// Maps each JSON path of a document (<c>$.rules[2].clear</c>) to its line, so that a problem found in the parsed
/// configuration can point the operator at the line to edit.
/// </summary>
public sealed class JsonLineIndex
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    public static JsonLineIndex Build(ReadOnlySpan<byte> utf8)
    {
        var index = new JsonLineIndex();
        var newlines = new List<long>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
                newlines.Add(i);
        }
        int LineOf(long offset)
        {
            var found = newlines.BinarySearch(offset);
            return (found < 0 ? ~found : found) + 1;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        var property = "$";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = $"{containers.Peek().Path}.{reader.GetString()}";
                    index._lines.TryAdd(property, LineOf(reader.TokenStartIndex));
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containers.Pop();
                    continue;
                }
                var path = property;
                if (containers.TryPeek(out var top) && top.IsArray)
                {
                    containers.Pop();
                    containers.Push(top with { Next = top.Next + 1 });
                    path = $"{top.Path}[{top.Next}]";
                }
                index._lines.TryAdd(path, LineOf(reader.TokenStartIndex));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
        catch (JsonException)
        {
            // A malformed document is reported by the loader; what was indexed so far still helps.
        }
        return index;
    }

    /// <summary>The line of the path, or of its nearest parent that is in the document.</summary>
    public int? LineOf(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line))
                return line;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
                return null;
            path = path[..cut];
        }
    }
}
