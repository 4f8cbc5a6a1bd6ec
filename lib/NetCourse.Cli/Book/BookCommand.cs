using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NetCourse.Book;
using NetCourse.Course;

namespace NetCourse.Cli.Book;

/// <summary>
/// `netcourse book`: builds the NetCourse.Lib package, executes every chapter with the real kernel, and writes the executed
/// notebooks and a static HTML book to artifacts/book/. Exits non-zero when a chapter failed.
/// </summary>
public sealed class BookCommand : ICliCommand
{
    private static readonly System.Text.Json.JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <inheritdoc />
    public Command Build()
    {
        var noBuild = new Option<bool>("--no-build") { Description = "Ne pas reconstruire (utilise le dernier paquet construit)." };
        var only = new Option<string[]>("--only") { Description = "Ne lancer que ces chapitres (préfixes : 00 03 …).", AllowMultipleArgumentsPerToken = true };
        var timeout = new Option<int>("--cell-timeout") { Description = "Limite par cellule, en secondes.", DefaultValueFactory = _ => 180 };
        var runs = new Option<int>("--runs") { Description = "Nombre d'exécutions de chaque chapitre dans le même noyau.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Dossier du livre (par défaut artifacts/book)." };
        var withSolutions = new Option<bool>("--with-solutions")
        {
            Description = "Livre corrigé de l'enseignant : chaque exercice est vérifié avec sa solution enregistrée.",
        };
        var command = new Command("book", "Exécute tous les chapitres avec le vrai noyau et écrit le livre HTML.")
        {
            noBuild, only, timeout, runs, output, withSolutions,
        };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(noBuild), parse.GetValue(only) ?? [],
            TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(runs), parse.GetValue(output), parse.GetValue(withSolutions), token));
        return command;
    }

    private static async Task<int> RunAsync(bool noBuild, string[] only, TimeSpan cellTimeout, int runs, string? output,
        bool withSolutions, CancellationToken token)
    {
        var root = RepositoryRoot.Find();
        var book = Path.GetFullPath(output ?? Path.Combine(root, "artifacts", "book"));
        Directory.CreateDirectory(Path.Combine(book, "notebooks"));
        var total = Stopwatch.StartNew();
        var buildSeconds = 0.0;

        // The kernel first: one French message and a stop, rather than one traceback per chapter.
        var kernelProblem = await KernelCheck.EnsureAsync(root, Console.WriteLine, token).ConfigureAwait(false);
        if (kernelProblem is not null)
        {
            Console.Error.WriteLine(kernelProblem);
            return 1;
        }

        if (!noBuild)
        {
            Console.WriteLine("[build] dotnet build lib/NetCourse.Interactive (the NetCourse.Lib package the chapters load) …");
            var build = Stopwatch.StartNew();
            var exit = await BuildAsync(root, Path.Combine(book, "build.log"), token).ConfigureAwait(false);
            if (exit != 0)
            {
                Console.Error.WriteLine($"[build] échec (code {exit}) : voir {Path.Combine(book, "build.log")}");
                return 1;
            }
            buildSeconds = build.Elapsed.TotalSeconds;
            Console.WriteLine($"[build] ok en {buildSeconds:0.0} s");
        }

        var notebooks = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb")
            .Where(p => char.IsAsciiDigit(Path.GetFileName(p)[0]))
            .Where(p => only.Length == 0 || only.Any(o => Path.GetFileName(p).StartsWith(o, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var runner = new NotebookRunner(root) { Trust = true };
        var chapters = new List<BookChapter>();
        // The kernel's exercise engine records every verdict in this file (not the student's own progress), and with
        // --with-solutions checks every exercise with its registered solution.
        var progressPath = Path.Combine(book, "progress.json");
        File.Delete(progressPath);
        var environment = new Dictionary<string, string>
        {
            [ProgressStore.PathVariable] = progressPath,
            [ExerciseEngine.SolutionsVariable] = withSolutions ? "1" : "0",
        };
        for (var i = 0; i < notebooks.Length; i++)
        {
            var slug = Path.GetFileNameWithoutExtension(notebooks[i]);
            Console.Write($"[{i + 1}/{notebooks.Length}] {slug} … ");
            var result = await runner.RunAsync(notebooks[i], Path.Combine(book, "notebooks", slug + ".ipynb"),
                Path.Combine(book, slug + ".html"), cellTimeout, runs, token, environment: environment).ConfigureAwait(false);
            var exercises = ExercisesOf(slug, new ProgressStore(progressPath));
            Console.WriteLine((result.Succeeded ? $"ok ({result.Seconds:0.0} s)" : $"ÉCHEC ({result.Errors.Count} erreur(s), {result.Seconds:0.0} s)")
                + (exercises.Length > 0 ? $", exercices réussis {exercises.Count(e => e.Passed)}/{exercises.Length}" : ""));
            foreach (var error in result.Errors)
                Console.WriteLine($"    {slug}, {error}");
            foreach (var missing in exercises.Where(e => !e.Checked))
                Console.WriteLine($"    {slug}, exercice {missing.Id} : aucune cellule ne l'a vérifié");
            chapters.Add(new BookChapter(slug, BookWriter.TitleOf(notebooks[i]), result, exercises));
            if (result.KernelDied)
            {
                Console.Error.WriteLine($"Le noyau .NET Interactive s'est arrêté pendant {slug} : livre interrompu.\nRelancez : ./netcourse book --only {slug[..2]}");
                break;
            }
        }
        BookWriter.Write(book, chapters, withSolutions);

        Console.WriteLine();
        // Where the time goes: kernel start, the first cell (loading NetCourse.Lib, restore included), the other cells.
        Console.WriteLine($"{"chapitre",-24} {"cellules",8} {"erreurs",8} {"exercices",10} {"noyau s",8} {"chargt s",8} {"cellules s",10} {"total s",8}");
        foreach (var c in chapters)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Slug,-24} {c.Result.Cells,8} {c.Result.Errors.Count,8} {$"{c.ExercisesPassed}/{c.Exercises.Count}",10} {c.Result.KernelStartSeconds,8:0.0} {c.Result.LoadSeconds,8:0.0} {c.Result.OtherCellsSeconds,10:0.0} {c.Result.Seconds,8:0.0}"));
        }
        Console.WriteLine($"exercices{(withSolutions ? " (livre corrigé : solutions appliquées)" : "")} : "
            + $"{chapters.Sum(c => c.ExercisesPassed)} réussi(s) sur {chapters.Sum(c => c.Exercises.Count)}");
        await File.WriteAllTextAsync(Path.Combine(book, "summary.json"), System.Text.Json.JsonSerializer.Serialize(
            new
            {
                buildSeconds,
                totalSeconds = total.Elapsed.TotalSeconds,
                withSolutions,
                chapters = chapters.Select(c => new
                {
                    c.Slug,
                    c.Title,
                    c.Result,
                    exercises = c.Exercises.Select(e => new { id = e.Id, kind = e.Kind, passed = e.Passed, @checked = e.Checked }),
                }),
            },
            IndentedJson), token).ConfigureAwait(false);
        var failed = chapters.Count(c => !c.Result.Succeeded);
        Console.WriteLine($"livre : {Path.Combine(book, "index.html")} — {chapters.Count - failed} chapitre(s) sans erreur, {failed} en échec, {total.Elapsed.TotalSeconds:0.0} s au total");
        return failed == 0 && chapters.Count > 0 ? 0 : 1;
    }

    /// <summary>The chapter's exercises (from the registry, by the chapter number the slug starts with) and what the run did.</summary>
    private static BookExercise[] ExercisesOf(string slug, ProgressStore progress)
    {
        if (slug.Length < 2 || !int.TryParse(slug.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var chapter))
            return [];
        var verdicts = progress.Read();
        return ExerciseRegistry.OfChapter(chapter)
            .Select(e => new BookExercise(e.Id, ExerciseEngine.KindName(e), verdicts.GetValueOrDefault(e.Id)?.Passed == true, verdicts.ContainsKey(e.Id)))
            .ToArray();
    }

    private static async Task<int> BuildAsync(string root, string logPath, CancellationToken token)
    {
        // Only the package the chapters load (library, chart bridge, kernel extension): the tests and benchmarks of the
        // solution are not needed to run the course, and building them doubled the cold time.
        var project = Path.Combine(root, "lib", "NetCourse.Interactive", "NetCourse.Interactive.csproj");
        var info = new ProcessStartInfo("dotnet", ["build", project, "-nologo", "-v:minimal"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token).ConfigureAwait(false);
        await File.WriteAllTextAsync(logPath, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false), token).ConfigureAwait(false);
        return process.ExitCode;
    }
}
