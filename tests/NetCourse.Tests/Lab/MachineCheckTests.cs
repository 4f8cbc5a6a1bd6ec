using NetCourse.Capture;
using NetCourse.Lab;
using NetCourse.Platform;

namespace NetCourse.Tests.Lab;

public class MachineCheckTests
{
    [Fact]
    public void The_check_lists_every_item_and_the_loopback_works()
    {
        var check = MachineCheck.Run();

        // Every item the chapter promises, once each, with the capture verdict this machine really gives.
        string[] promised = [".NET", "Système", "Utilisateur", "Interface de notebook", "Capture possible",
            "Boucle locale (127.0.0.1)", "Espaces de noms réseau (labo)", "tshark (facultatif)"];
        Assert.Equal(promised, check.Items.Select(i => i.Item));
        Assert.True(check.Items.Single(i => i.Item.StartsWith("Boucle locale", StringComparison.Ordinal)).Ok);
        Assert.Equal(CaptureProbe.Check("lo").CanCapture, check.Items.Single(i => i.Item == "Capture possible").Ok);
        Assert.Contains("Vérification de la machine", check.ToHtml());
    }

    [Fact]
    public void Capture_status_agrees_with_the_user_rights()
    {
        var status = CaptureProbe.Check("lo");

        // As root (CI) lo opens; otherwise the reason names the missing right and how to grant it.
        if (MachineCheck.IsRoot) Assert.True(status.CanCapture, status.ToString());
        else Assert.Contains("setcap", status.HowToEnable);
    }

    [Fact]
    public void A_missing_device_is_named_in_the_reason()
    {
        var status = CaptureProbe.Check("nc-absent0");

        Assert.False(status.CanCapture);
        Assert.Contains("nc-absent0", status.Reason);
    }

    [Fact]
    public void A_missing_program_or_a_timeout_is_a_result_not_an_exception()
    {
        Assert.False(ExternalCommand.Run("netcourse-no-such-program", [], TimeSpan.FromSeconds(2)).Succeeded);
        var slow = ExternalCommand.Run("sleep", ["10"], TimeSpan.FromMilliseconds(300));
        Assert.Equal(-1, slow.ExitCode);
        Assert.Contains("arrêté", slow.Error);
    }
}
