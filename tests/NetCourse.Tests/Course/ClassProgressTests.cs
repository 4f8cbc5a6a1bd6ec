using NetCourse.Classroom;
using NetCourse.Course;

namespace NetCourse.Tests.Course;

/// <summary>What a student shares with the class: the progress file, counted chapter by chapter, as the dashboard reads it.</summary>
public class ClassProgressTests
{
    [Fact]
    public void Counts_passed_exercises_per_chapter_and_survives_the_protocol_line()
    {
        var store = new ProgressStore(Path.Combine(Directory.CreateTempSubdirectory("netcourse-progress").FullName, "progress.json"));
        var exercise = ExerciseRegistry.All.First(e => e.Chapter == 2);
        Assert.All(ClassProgress.FromStore(store), c => Assert.Equal(0, c.Done));
        store.Update(exercise.Id, "question", p => p with { Passed = true });

        var chapters = ClassProgress.FromStore(store);
        var second = chapters.Single(c => c.Chapter == 2);
        Assert.Equal(1, second.Done);
        Assert.Equal(ExerciseRegistry.OfChapter(2).Count, second.Total);
        Assert.Equal(ExerciseRegistry.All.Select(e => e.Chapter).Distinct().Count(), chapters.Count);
        Assert.True(SharedProgress.TryParse(SharedProgress.Format(chapters), out var parsed));
        Assert.Equal(chapters, parsed);
    }
}
