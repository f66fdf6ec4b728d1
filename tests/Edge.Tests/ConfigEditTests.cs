using Edge.Tests.Support;

namespace Edge.Tests;

/// <summary><c>edge config edit</c> works like visudo: only a valid edit replaces the file.</summary>
public class ConfigEditTests
{
    private const string Good = """{ "sensors": [ { "id": "rack-top", "driver": "simulated" } ] }""";

    [Fact]
    public async Task A_valid_edit_replaces_the_file()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", Good);
        var editor = dir.File("editor.sh", "#!/bin/sh\nsed -i 's/rack-top/rack-bottom/' \"$1\"\n");

        var result = await Edit(file, editor, input: "");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rack-bottom", File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(dir.Path, ".edge.json.edit-*"));
    }

    [Fact]
    public async Task An_invalid_edit_leaves_the_file_untouched_and_says_why()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", Good);
        var editor = dir.File("editor.sh", "#!/bin/sh\nsed -i 's/simulated/sht99/' \"$1\"\n");

        var result = await Edit(file, editor, input: "x\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.sensors[0].driver: 'sht99' is not allowed", result.Stderr);
        Assert.Equal(Good, File.ReadAllText(file));
    }

    [Fact]
    public async Task An_invalid_edit_can_be_edited_again_until_it_is_valid()
    {
        using var dir = new TempDir();
        var file = dir.File("edge.json", Good);
        // First pass breaks the file, the second fixes it: the editor keeps its count in a file beside it.
        var editor = dir.File("editor.sh", $$"""
            #!/bin/sh
            if [ -f "{{dir.Path}}/once" ]; then sed -i 's/sht99/hwmon", "path": "\/sys/' "$1"; else touch "{{dir.Path}}/once"; sed -i 's/simulated/sht99/' "$1"; fi
            """);

        var result = await Edit(file, editor, input: "e\n");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("\"hwmon\", \"path\": \"/sys\"", File.ReadAllText(file));
    }

    private static Task<Tool.Result> Edit(string file, string editor, string input)
    {
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        return EdgeProcess.RunAsync(TimeSpan.FromSeconds(30), ["config", "edit", "--config", file], start =>
        {
            start.Environment["EDITOR"] = editor;
            start.Environment.Remove("VISUAL");
        }, input);
    }
}
