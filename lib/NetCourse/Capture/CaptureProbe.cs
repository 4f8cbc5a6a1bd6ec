using SharpPcap;
using SharpPcap.LibPcap;

namespace NetCourse.Capture;

/// <summary>Finds out whether this process can capture packets, without capturing any.</summary>
public static class CaptureProbe
{
    /// <summary>The command that grants capture rights to the dotnet host without running as root.</summary>
    public const string SetCapCommand = "sudo setcap cap_net_raw,cap_net_admin=eip \"$(readlink -f \"$(command -v dotnet)\")\"";

    /// <summary>Tries to open <paramref name="deviceName"/> for capture and closes it at once.</summary>
    public static CaptureStatus Check(string deviceName = "lo")
    {
        LibPcapLiveDeviceList devices;
        try
        {
            // A fresh list: a device object of the shared list stays "opened" after a failed activation, so a second
            // probe would wrongly succeed.
            devices = LibPcapLiveDeviceList.New();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or PcapException)
        {
            return new CaptureStatus(false, deviceName,
                $"la bibliothèque libpcap est absente ou inutilisable ({FirstSentence(e.GetBaseException().Message)}).",
                "Installez-la : sudo apt-get install libpcap0.8");
        }

        var device = devices.FirstOrDefault(d => d.Name == deviceName);
        if (device is null)
        {
            return new CaptureStatus(false, deviceName,
                $"aucune interface nommée « {deviceName} » (interfaces vues : {string.Join(", ", devices.Select(d => d.Name))}).",
                "Choisissez une interface de la liste.");
        }

        using var opened = device;
        try
        {
            device.Open(DeviceModes.None, 100);
            device.Close();
            return new CaptureStatus(true, deviceName,
                $"l'interface {deviceName} s'ouvre en capture (utilisateur {Environment.UserName}).", "");
        }
        catch (PcapException e) when (e.Message.Contains("Permission", StringComparison.OrdinalIgnoreCase)
                                       || e.Message.Contains("not permitted", StringComparison.OrdinalIgnoreCase))
        {
            return new CaptureStatus(false, deviceName,
                Environment.IsPrivilegedProcess
                    ? $"droits insuffisants pour capturer sur {deviceName} : le processus est root mais n'a pas la capacité CAP_NET_RAW (capacités retirées, conteneur)."
                    : $"droits insuffisants pour capturer sur {deviceName} (utilisateur {Environment.UserName} : ni root, ni la capacité CAP_NET_RAW).",
                $"Lancez le noyau du notebook en root, ou donnez les capacités de capture à dotnet : {SetCapCommand} — "
                + "sinon le cours utilise les captures enregistrées de data/.");
        }
        catch (Exception e)
        {
            return new CaptureStatus(false, deviceName, $"ouverture de {deviceName} impossible : {FirstSentence(e.Message)}",
                "Vérifiez l'interface et les droits de capture.");
        }
    }

    /// <summary>The first sentence of a native loader's message, on one line (the rest is .NET's generic advice).</summary>
    private static string FirstSentence(string message)
    {
        var oneLine = string.Join(' ', message.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var end = oneLine.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? oneLine[..end] : oneLine.TrimEnd('.');
    }
}
