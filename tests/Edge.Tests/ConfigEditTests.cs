using System.Diagnostics;
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

    private static async Task<Tool.Result> Edit(string file, string editor, string input)
    {
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var start = new ProcessStartInfo(EdgeProcess.Executable)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["EDITOR"] = editor;
        start.Environment.Remove("VISUAL");
        foreach (var arg in new[] { "config", "edit", "--config", file })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(limit.Token);
        return new Tool.Result(process.ExitCode, await stdout, await stderr);
    }
}
