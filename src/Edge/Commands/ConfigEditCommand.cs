using System.CommandLine;
using System.Diagnostics;
using Edge.Configuration;

namespace Edge.Commands;

/// <summary>
/// <c>edge config edit</c>, like visudo: opens <c>$VISUAL</c>/<c>$EDITOR</c> on a copy, validates it, and replaces the
/// file atomically only when it is valid. An invalid edit is offered back to the editor or thrown away; the file the
/// daemon runs on is never half-written.
/// </summary>
internal static class ConfigEditCommand
{
    public static Command Create()
    {
        var edit = new Command("edit", "edit the configuration safely: validated before it replaces the file");
        edit.SetAction(async (parse, cancel) =>
        {
            var path = Path.GetFullPath(parse.GetValue(CommonOptions.Config)!);
            var editor = Environment.GetEnvironmentVariable("VISUAL") ?? Environment.GetEnvironmentVariable("EDITOR") ?? "nano";
            var original = File.Exists(path) ? await File.ReadAllBytesAsync(path, cancel) : [];
            var copy = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.edit-{Environment.ProcessId}");
            await File.WriteAllBytesAsync(copy, original, cancel);
            try
            {
                while (true)
                {
                    if (!await RunEditor(editor, copy, cancel))
                    {
                        Console.Error.WriteLine($"edge config edit: the editor '{editor}' failed; {path} is unchanged");
                        return ExitCodes.Failure;
                    }
                    var edited = await File.ReadAllBytesAsync(copy, cancel);
                    if (edited.AsSpan().SequenceEqual(original))
                    {
                        Console.WriteLine($"{path}: no changes");
                        return ExitCodes.Ok;
                    }
                    var result = EdgeConfigLoader.Parse(path, edited, parse.GetValue(CommonOptions.StateDir));
                    if (result.IsValid)
                    {
                        Replace(path, copy);
                        Console.WriteLine($"{path}: valid, saved; a running daemon applies it now");
                        return ExitCodes.Ok;
                    }
                    foreach (var problem in result.Problems)
                        Console.Error.WriteLine(problem);
                    Console.Error.Write($"{path}: {result.Problems.Count} problem(s); not saved. (e)dit again or e(x)it without saving? ");
                    var answer = Console.In.ReadLine()?.Trim().ToLowerInvariant();
                    if (answer is not ("e" or "edit"))
                    {
                        Console.Error.WriteLine($"{path} is unchanged");
                        return ExitCodes.Invalid;
                    }
                }
            }
            finally
            {
                File.Delete(copy);
            }
        });
        return edit;
    }

    private static async Task<bool> RunEditor(string editor, string file, CancellationToken cancel)
    {
        // $EDITOR may carry arguments ("code --wait"): let the shell split it, as git and visudo do.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(editor + " \"$1\"");
        start.ArgumentList.Add("editor");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start);
        if (process is null)
            return false;
        await process.WaitForExitAsync(cancel);
        return process.ExitCode == 0;
    }

    /// <summary>Keeps the original's permissions, flushes the copy to disk, then renames it over the original (atomic on one file system).</summary>
    private static void Replace(string path, string copy)
    {
        if (File.Exists(path))
            File.SetUnixFileMode(copy, File.GetUnixFileMode(path));
        using (var stream = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite))
            stream.Flush(flushToDisk: true);
        File.Move(copy, path, overwrite: true);
    }
}
