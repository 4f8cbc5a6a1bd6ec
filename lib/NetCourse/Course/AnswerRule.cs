using System.Globalization;
using System.Net;

namespace NetCourse.Course;

/// <summary>
/// What counts as a right answer to a question, and how the answer is written in a cell. Build one with
/// <see cref="OneOf"/>, <see cref="Number"/>, <see cref="Measure"/>, <see cref="NumberSet"/> or <see cref="Address"/>.
/// </summary>
public abstract class AnswerRule
{
    /// <summary>The answer as a cell would hold it (C# literal), shown as the solution: <c>"LAN"</c>, <c>4</c>, <c>[80, 443]</c>.</summary>
    public abstract string SolutionLiteral { get; }

    /// <summary>The value the solutions book passes as the student's answer.</summary>
    public abstract object SolutionValue { get; }

    /// <summary>Other ways of writing the right answer that must be accepted (the tests check each one).</summary>
    public abstract IReadOnlyList<object> AcceptedVariants { get; }

    /// <summary>An answer that must be rejected (the tests check it).</summary>
    public abstract object WrongExample { get; }

    /// <summary>True when <paramref name="answer"/> (not the starting answer) is right; <paramref name="feedback"/> says why not.</summary>
    public abstract bool Accepts(object? answer, out string feedback);

    /// <summary>Text answers: any of <paramref name="accepted"/>, ignoring case, accents, quotes, articles and end punctuation.</summary>
    /// <param name="accepted">The first is the canonical answer; the others are synonyms.</param>
    public static AnswerRule OneOf(params string[] accepted) => new TextRule(accepted);

    /// <summary>A whole number, in figures or in French words (« 4 », « quatre », « 4 étapes »).</summary>
    public static AnswerRule Number(double expected, string unit = "") => new MeasureRule(expected, 0, unit, exact: true);

    /// <summary>A measure: right within <paramref name="relativeTolerance"/> (0.25 = 25 %) of <paramref name="expected"/>; « 1,5 s » reads as 1500 when the unit is ms.</summary>
    public static AnswerRule Measure(double expected, double relativeTolerance, string unit = "ms") =>
        new MeasureRule(expected, relativeTolerance, unit, exact: false);

    /// <summary>A set of whole numbers, in any order (an <c>int[]</c> or a text « 80, 443 »).</summary>
    public static AnswerRule NumberSet(IEnumerable<int> expected) => new NumberSetRule(expected);

    /// <summary>An IP address (any way .NET parses it, so « ::0001 » equals « ::1 »).</summary>
    public static AnswerRule Address(string expected) => new AddressRule(expected);

    /// <summary>A literal for <paramref name="text"/> as C# writes it.</summary>
    internal static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed class TextRule(string[] accepted) : AnswerRule
    {
        private readonly HashSet<string> _forms = accepted.SelectMany(a => new[] { AnswerText.Normalize(a), AnswerText.Core(a) })
            .Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);

        public override string SolutionLiteral => Quote(accepted[0]);
        public override object SolutionValue => accepted[0];
        public override IReadOnlyList<object> AcceptedVariants =>
            accepted.SelectMany(a => new object[] { a, a.ToUpperInvariant(), $" « {a} ». " }).ToArray();
        public override object WrongExample => "zzz";

        public override bool Accepts(object? answer, out string feedback)
        {
            var text = answer as string ?? AnswerText.Show(answer);
            var ok = _forms.Contains(AnswerText.Normalize(text)) || _forms.Contains(AnswerText.Core(text));
            feedback = ok ? "" : $"« {AnswerText.Show(answer)} » n'est pas la réponse attendue.";
            return ok;
        }
    }

    private sealed class MeasureRule(double expected, double tolerance, string unit, bool exact) : AnswerRule
    {
        private string Unit => unit.Length == 0 ? "" : " " + unit;
        public override string SolutionLiteral => Value(expected);
        public override object SolutionValue => exact ? (object)(long)Math.Round(expected) : Math.Round(expected, 1);
        public override IReadOnlyList<object> AcceptedVariants => exact
            ? [Value(expected), $"{Value(expected)}{Unit}", .. Words(expected)]
            : [Value(expected * (1 + tolerance / 2)), Value(expected * (1 - tolerance / 2)), $"{Value(expected)}{Unit}"];
        public override object WrongExample => exact ? expected + 1000 : expected * (1 + 4 * Math.Max(tolerance, 0.1)) + 1000;

        public override bool Accepts(object? answer, out string feedback)
        {
            if (!AnswerText.TryNumber(answer, out var given, unitMs: unit == "ms"))
            {
                feedback = $"« {AnswerText.Show(answer)} » : je n'y lis pas un nombre (écrivez par exemple 4 ou « quatre »).";
                return false;
            }
            var ok = exact ? Math.Abs(given - expected) < 1e-9 : Math.Abs(given - expected) <= tolerance * Math.Abs(expected);
            feedback = ok ? "" : exact
                ? $"{Value(given)}{Unit} n'est pas le bon nombre."
                : $"{Value(given)}{Unit} est trop {(given > expected ? "grand" : "petit")} (tolérance : {tolerance:P0} de la mesure).";
            return ok;
        }

        private static string Value(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

        private static IEnumerable<object> Words(double v) => v switch
        {
            0 => ["zéro"],
            1 => ["un"],
            2 => ["deux"],
            3 => ["trois"],
            4 => ["quatre", "Quatre étapes"],
            5 => ["cinq"],
            _ => [],
        };
    }

    private sealed class NumberSetRule(IEnumerable<int> expected) : AnswerRule
    {
        private readonly int[] _expected = expected.Distinct().Order().ToArray();
        public override string SolutionLiteral => $"[{string.Join(", ", _expected)}]";
        public override object SolutionValue => _expected.ToArray();
        public override IReadOnlyList<object> AcceptedVariants =>
            [_expected.Reverse().ToArray(), string.Join(", ", _expected), _expected.Select(p => (long)p).ToList()];
        public override object WrongExample => _expected.Append(_expected.LastOrDefault() + 1).ToArray();

        public override bool Accepts(object? answer, out string feedback)
        {
            var given = Read(answer);
            if (given is null)
            {
                feedback = $"« {AnswerText.Show(answer)} » : écrivez des nombres, par exemple [80, 443].";
                return false;
            }
            var missing = _expected.Except(given).ToArray();
            var extra = given.Except(_expected).ToArray();
            var parts = new List<string>();
            if (missing.Length > 0) parts.Add($"il en manque {missing.Length}");
            if (extra.Length > 0) parts.Add($"{string.Join(", ", extra)} n'en fait pas partie");
            feedback = string.Join(" ; ", parts) + (parts.Count > 0 ? "." : "");
            return parts.Count == 0;
        }

        private static int[]? Read(object? answer)
        {
            var items = answer switch
            {
                string s => s.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Cast<object?>(),
                System.Collections.IEnumerable e => e.Cast<object?>(),
                _ => [answer],
            };
            var numbers = new List<int>();
            foreach (var item in items)
            {
                if (!AnswerText.TryNumber(item, out var v) || v != Math.Round(v) || v < int.MinValue || v > int.MaxValue) return null;
                numbers.Add((int)v);
            }
            return numbers.Distinct().ToArray();
        }
    }

    private sealed class AddressRule(string expected) : AnswerRule
    {
        private readonly IPAddress _expected = IPAddress.Parse(expected);
        public override string SolutionLiteral => Quote(expected);
        public override object SolutionValue => expected;
        public override IReadOnlyList<object> AcceptedVariants => [expected, $" {expected} ", $"« {expected} »"];
        public override object WrongExample => _expected.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "10.255.255.254" : "fe80::2";

        public override bool Accepts(object? answer, out string feedback)
        {
            var text = AnswerText.Normalize(answer as string ?? AnswerText.Show(answer)).Split('/')[0].Trim();
            if (!IPAddress.TryParse(text, out var given) || text.Count(c => c == '.') is not (0 or 3))
            {
                feedback = $"« {AnswerText.Show(answer)} » n'est pas une adresse IP.";
                return false;
            }
            var ok = given.Equals(_expected);
            feedback = ok ? "" : $"{given} n'est pas l'adresse attendue.";
            return ok;
        }
    }
}
