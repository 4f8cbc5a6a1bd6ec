using System.Net;
using System.Text;
using NetCourse.Html;
using NetCourse.Platform;

namespace NetCourse.Lab;

/// <summary>
/// The traceroute lab: network namespaces joined by veth pairs, machine — routers — host, in 198.18.0.0/15. Disposing it
/// removes everything it added (namespaces, interfaces, the machine's routes). Needs root; without it,
/// <see cref="TryStartAsync"/> returns a lab that is not up and says why, in French.
/// </summary>
public sealed class LabNetwork : IAsyncDisposable, IHtmlView
{
    /// <summary>Set this environment variable to 1 to refuse building the lab (to see the chapter as without root).</summary>
    public const string DisableVariable = "NETCOURSE_NO_LAB";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);
    private readonly LabPlan? _plan;
    private int _disposed;
    private string? _rootLinkIndex;
    private DelayRelay? _relay;

    private LabNetwork(LabPlan? plan, IReadOnlyList<LabNode> nodes, string? reason, IReadOnlyList<string> notes)
    {
        _plan = plan;
        Nodes = nodes;
        Reason = reason;
        Notes = notes;
    }

    /// <summary>True when the lab was built and has not been removed.</summary>
    public bool IsUp => _plan is not null && Volatile.Read(ref _disposed) == 0;

    /// <summary>Why the lab is not up (French), or null.</summary>
    public string? Reason { get; }

    /// <summary>Remarks about the build (for example: no delay because <c>tc netem</c> is missing), in French.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The machine, the routers (nearest first) and the host.</summary>
    public IReadOnlyList<LabNode> Nodes { get; }

    /// <summary>The machine's own lab interface (capture it to see the probes), for example <c>nc-lab0</c>.</summary>
    public string Interface => _plan?.RootInterface ?? LabOptions.Default.Prefix + "0";

    /// <summary>The address of the far host (the traceroute target).</summary>
    public IPAddress HostAddress => _plan?.HostAddress ?? new LabPlan(LabOptions.Default).HostAddress;

    /// <summary>The routers' addresses facing the machine, nearest first: what a traceroute to the host must find.</summary>
    public IReadOnlyList<IPAddress> RouterAddresses =>
        Nodes.Where(n => n.Role == LabNodeRole.Router).Select(n => n.FacingMachine!).ToArray();

    /// <summary>True when a per-hop delay is in place (tc netem, or the course's own relay where netem is missing).</summary>
    public bool HasDelay { get; private init; }

    /// <summary>Builds the lab (removing first any lab left with the same prefix). Throws <see cref="LabException"/> after rolling back when a step fails.</summary>
    public static LabNetwork Up(LabOptions? options = null)
    {
        options ??= LabOptions.Default;
        if (options.Validate() is { } invalid) throw new LabException(invalid);
        if (WhyNotPossible() is { } reason) throw new LabException(reason);

        var plan = new LabPlan(options);
        Remove(options.Prefix);
        var notes = new List<string>();
        var netemMissing = false;
        var steps = plan.Steps();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Optional && netemMissing) continue;
            var result = options.FailAtStep == i
                ? new CommandResult(1, "", "échec injecté (test)")
                : ExternalCommand.Run(step.Program, step.Arguments, StepTimeout);
            if (result.Succeeded) continue;
            var error = result.Error.Trim();
            if (step.Optional)
            {
                netemMissing = true;
                notes.Add($"« {step} » a échoué ({error}) : le noyau Linux de cette machine n'a pas tc netem.");
                continue;
            }
            var removed = Remove(options.Prefix);
            throw new LabException($"Construction du labo interrompue à l'étape {i + 1}/{steps.Count} ({step.Description}) : "
                                   + $"« {step} » a échoué : {error}. Tout ce qui avait été créé a été supprimé ({removed}).");
        }
        if (options.DelayPerHopMs == 0) notes.Add("Aucun délai ajouté (délai par saut : 0 ms).");
        DelayRelay? relay = null;
        if (netemMissing && options.DelayPerHopMs > 0)
        {
            if (options.DelayInProcess)
            {
                try
                {
                    relay = DelayRelay.Start(plan.Namespaces.ToArray(), LabPlan.UpLink, options.DelayPerHopMs);
                    notes.Add($"Le délai de {options.DelayPerHopMs} ms par saut est donc ajouté par le cours lui-même : dans chaque nœud, "
                              + $"les paquets IPv4 qui arrivent de la machine passent par une interface TAP ({DelayRelay.TapName}) que ce "
                              + $"programme retient {options.DelayPerHopMs} ms avant de les rendre au noyau Linux du nœud.");
                }
                catch (LabException e)
                {
                    notes.Add($"Pas de délai par saut : {e.Message} Les allers-retours restent très courts (quelques dizaines de µs).");
                }
            }
            else
            {
                notes.Add("Pas de délai par saut : les allers-retours restent très courts (quelques dizaines de µs).");
            }
        }
        return new LabNetwork(plan, plan.Nodes(), null, notes)
        {
            HasDelay = options.DelayPerHopMs > 0 && (!netemMissing || relay is not null),
            _rootLinkIndex = LinkIndex(plan.RootInterface),
            _relay = relay,
        };
    }

    /// <summary>
    /// Builds the lab when this machine allows it; otherwise returns a lab that is not up, whose <see cref="Reason"/>
    /// says why in French. Never throws for a missing right or a failed step.
    /// </summary>
    public static Task<LabNetwork> TryStartAsync(LabOptions? options = null) => Task.Run(() =>
    {
        try
        {
            return Up(options);
        }
        catch (LabException e)
        {
            return new LabNetwork(null, [], e.Message, []);
        }
    });

    /// <summary>Why the lab cannot be built here (French), or null when it can.</summary>
    public static string? WhyNotPossible()
    {
        if (Environment.GetEnvironmentVariable(DisableVariable) == "1")
            return $"Labo désactivé ({DisableVariable}=1) : le chapitre 8 rejoue la capture enregistrée data/08-traceroute.pcap, comme sans root.";
        if (!OperatingSystem.IsLinux())
            return "Le labo utilise les espaces de noms réseau de Linux : il ne fonctionne que sous Linux.";
        if (!MachineCheck.IsRoot)
            return $"Le labo demande les droits root (créer des espaces de noms réseau et des interfaces) ; l'utilisateur « {Environment.UserName} » ne les a pas. "
                   + "Lancez le noyau du notebook (ou « netcourse lab up ») en root — sinon le chapitre 8 rejoue la capture enregistrée data/08-traceroute.pcap.";
        if (!ExternalCommand.IsOnPath("ip"))
            return "La commande « ip » manque : sudo apt-get install iproute2.";
        return null;
    }

    /// <summary>Removes every namespace and interface of the lab with this prefix (those left by a crash too). Returns what was removed, in French.</summary>
    public static string Remove(string prefix = "nc-lab")
    {
        // Only a valid lab prefix: never a pattern that could match namespaces the lab did not create.
        if ((LabOptions.Default with { Prefix = prefix }).Validate() is { } invalid) throw new ArgumentException(invalid, nameof(prefix));
        var removed = new List<string>();
        foreach (var ns in ListNamespaces(prefix))
        {
            if (ExternalCommand.Run("ip", ["netns", "del", ns], StepTimeout).Succeeded) removed.Add(ns);
        }
        // Deleting router 1's namespace takes the machine's veth end with it; delete it anyway if it is still there.
        var link = prefix + "0";
        if (ExternalCommand.Run("ip", ["link", "show", link], StepTimeout).Succeeded
            && ExternalCommand.Run("ip", ["link", "del", link], StepTimeout).Succeeded)
        {
            removed.Add(link);
        }
        // A namespace is torn down asynchronously by the kernel: wait (bounded) until the machine's veth end is gone.
        for (var i = 0; i < 30 && ExternalCommand.Run("ip", ["link", "show", link], StepTimeout).Succeeded; i++) Thread.Sleep(100);
        return removed.Count == 0 ? "rien à supprimer" : string.Join(", ", removed);
    }

    /// <summary>The lab as it is on the machine now (read from the system, not from memory).</summary>
    public static LabStatus Status(string prefix = "nc-lab")
    {
        var nodes = new List<LabNode>();
        var link = prefix + "0";
        var rootAddresses = ParseAddresses(ExternalCommand.Run("ip", ["-4", "-o", "addr", "show", "dev", link], StepTimeout));
        if (rootAddresses.Count > 0) nodes.Add(new LabNode(link, LabNodeRole.Machine, rootAddresses));
        foreach (var ns in ListNamespaces(prefix).OrderBy(n => n.StartsWith(prefix + "-r", StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal))
        {
            var role = ns.StartsWith(prefix + "-r", StringComparison.Ordinal) ? LabNodeRole.Router : LabNodeRole.Host;
            nodes.Add(new LabNode(ns, role, ParseAddresses(ExternalCommand.Run("ip", ["-n", ns, "-4", "-o", "addr", "show"], StepTimeout))));
        }
        return new LabStatus(prefix, nodes);
    }

    /// <summary>The machine's interface that leads to <paramref name="address"/> (asks the kernel's routing table), or null.</summary>
    public static string? InterfaceTowards(IPAddress address)
    {
        var route = ExternalCommand.Run("ip", ["-o", "route", "get", address.ToString()], StepTimeout);
        var words = route.Output.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var dev = Array.IndexOf(words, "dev");
        return route.Succeeded && dev >= 0 && dev + 1 < words.Length ? words[dev + 1] : null;
    }

    /// <summary>The lab's namespaces present on the machine (their names start with <paramref name="prefix"/>-).</summary>
    public static IReadOnlyList<string> ListNamespaces(string prefix = "nc-lab")
    {
        var list = ExternalCommand.Run("ip", ["netns", "list"], StepTimeout);
        return list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0])
            .Where(name => name.StartsWith(prefix + "-", StringComparison.Ordinal))
            .ToArray();
    }

    private static List<LabInterface> ParseAddresses(CommandResult result)
    {
        // « 2: up    inet 198.18.1.2/24 brd 198.18.1.255 scope global up »
        var list = new List<LabInterface>();
        if (!result.Succeeded) return list;
        foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var inet = Array.IndexOf(words, "inet");
            if (inet < 2 || inet + 1 >= words.Length) continue;
            var cidr = words[inet + 1].Split('/');
            if (words[1] == "lo" || !IPAddress.TryParse(cidr[0], out var address)) continue;
            list.Add(new LabInterface(words[1].Split('@')[0], address, cidr.Length > 1 && int.TryParse(cidr[1], out var p) ? p : 32));
        }
        return list;
    }

    /// <summary>
    /// Removes the lab (idempotent). When another process has rebuilt a lab under the same names since (its machine-side
    /// interface is a different link), that lab is not this one's to remove and is left alone.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        if (_plan is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _relay?.Dispose();
            var now = LinkIndex(_plan.RootInterface);
            if (now is null || now == _rootLinkIndex) Remove(_plan.Options.Prefix);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The kernel's index of a link of the root namespace (which tells one link from a later one of the same name), or null.</summary>
    private static string? LinkIndex(string link)
    {
        try
        {
            return File.ReadAllText($"/sys/class/net/{link}/ifindex").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"font-family:sans-serif;font-size:13px\">");
        if (!IsUp)
        {
            html.Append("<p style=\"color:#8a4b00\"><b>Labo non construit.</b> ")
                .Append(HtmlText.Encode(Reason ?? "Le labo a été supprimé.")).Append("</p></div>");
            return html.ToString();
        }
        html.Append("<p><b>Labo en place</b> — ")
            .Append(string.Join(" ⟶ ", Nodes.Select(n => $"<span title=\"{HtmlText.Encode(n.Name)}\">{HtmlText.Encode(n.RoleText)} {HtmlText.Encode(n.FacingMachine?.ToString())}</span>")))
            .Append("</p>");
        html.Append(new HtmlTable("Les nœuds du labo", ["rôle", "espace de noms / interface", "adresses"],
            Nodes.Select(n => (IReadOnlyList<string>)[n.RoleText, n.Name,
                string.Join(", ", n.Addresses.Select(a => $"{a.Interface} : {a.Address}/{a.PrefixLength}"))]).ToArray()).ToHtml());
        foreach (var note in Notes) html.Append("<p style=\"color:#555\">").Append(HtmlText.Encode(note)).Append("</p>");
        return html.Append("</div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => IsUp
        ? string.Join(Environment.NewLine, Nodes.Select(n => n.ToString()).Concat(Notes))
        : $"Labo non construit : {Reason}";
}
