using System.Globalization;
using System.Runtime.InteropServices;
using NetCourse.Platform;

namespace NetCourse.Lab;

/// <summary>
/// A per-hop delay without <c>tc netem</c> (kernels built without <c>sch_netem</c>): in each node of the lab, the IPv4
/// packets that arrive on the interface facing the machine are redirected (tc ingress, u32, mirred) into a TAP
/// device this process holds; a thread reads each frame, holds it for the delay and writes it back, and the node's
/// kernel then receives and routes it as usual. A probe to hop k therefore waits k times the delay on its way out.
/// The relay lives in this process: it stops, and the TAP devices vanish, when it is disposed or the process ends.
/// </summary>
internal sealed class DelayRelay : IDisposable
{
    /// <summary>Name of the TAP device inside each node.</summary>
    public const string TapName = "nc-dly";

    private const int CloneNewNet = 0x40000000;
    private const nuint TunSetIff = 0x400454ca;
    private const short IffTap = 0x0002;
    private const short IffNoPi = 0x1000;
    private const short PollIn = 0x0001;
    private const int SchedFifo = 1;
    private const int RelayPriority = 10;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    private readonly List<Thread> _threads = [];
    private volatile bool _stopping;

    private DelayRelay(TimeSpan delay) => Delay = delay;

    /// <summary>The delay added at each node.</summary>
    public TimeSpan Delay { get; }

    /// <summary>How many frames were held and passed on (all nodes).</summary>
    public long Relayed => Interlocked.Read(ref _relayed);

    private long _relayed;

    /// <summary>Starts the relay in each of <paramref name="namespaces"/> on their interface <paramref name="uplink"/>; throws <see cref="LabException"/> (French) when a step fails.</summary>
    public static DelayRelay Start(IReadOnlyList<string> namespaces, string uplink, int delayMs)
    {
        var relay = new DelayRelay(TimeSpan.FromMilliseconds(delayMs));
        try
        {
            foreach (var ns in namespaces) relay.StartIn(ns, uplink);
            return relay;
        }
        catch
        {
            relay.Dispose();
            throw;
        }
    }

    private void StartIn(string ns, string uplink)
    {
        var opened = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(ns, opened)) { IsBackground = true, Name = $"netcourse-delay-{ns}" };
        thread.Start();
        _threads.Add(thread);
        if (!opened.Task.Wait(StepTimeout) || opened.Task.Result is { } error)
            throw new LabException($"délai par saut impossible dans {ns} : {(opened.Task.IsCompleted ? opened.Task.Result : "pas de réponse")}.");
        var mac = File.Exists($"/var/run/netns/{ns}")
            ? ExternalCommand.Run("ip", ["netns", "exec", ns, "cat", $"/sys/class/net/{uplink}/address"], StepTimeout).Output.Trim()
            : "";
        string[][] steps =
        [
            // The frames keep their destination MAC (the veth's): the TAP takes the same address so the kernel accepts them.
            ["ip", "-n", ns, "link", "set", "dev", TapName, "address", mac],
            ["ip", "-n", ns, "link", "set", "dev", TapName, "up"],
            // Replies leave by the veth while the probe came in by the TAP: no reverse-path filter.
            ["ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=0", $"net.ipv4.conf.{TapName}.rp_filter=0"],
            ["ip", "netns", "exec", ns, "tc", "qdisc", "add", "dev", uplink, "ingress"],
            ["ip", "netns", "exec", ns, "tc", "filter", "add", "dev", uplink, "parent", "ffff:", "protocol", "ip", "u32",
                "match", "u32", "0", "0", "action", "mirred", "egress", "redirect", "dev", TapName],
        ];
        foreach (var step in steps)
        {
            var result = ExternalCommand.Run(step[0], step[1..], StepTimeout);
            if (!result.Succeeded)
                throw new LabException($"délai par saut impossible dans {ns} : « {string.Join(' ', step)} » a échoué ({result.Error.Trim()}).");
        }
    }

    /// <summary>The node's thread: enters the namespace, opens the TAP there, then holds and passes on every frame.</summary>
    private void Run(string ns, TaskCompletionSource<string?> opened)
    {
        int fd;
        using (var handle = File.OpenHandle($"/var/run/netns/{ns}"))
        {
            if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
            {
                opened.TrySetResult($"setns a échoué (erreur {Marshal.GetLastPInvokeError()})");
                return;
            }
        }
        fd = open("/dev/net/tun", 2 /* O_RDWR */);
        var request = new byte[40];
        System.Text.Encoding.ASCII.GetBytes(TapName).CopyTo(request, 0);
        BitConverter.GetBytes((short)(IffTap | IffNoPi)).CopyTo(request, 16);
        if (fd < 0 || ioctl(fd, TunSetIff, request) != 0)
        {
            opened.TrySetResult($"/dev/net/tun : erreur {Marshal.GetLastPInvokeError()}");
            if (fd >= 0) _ = close(fd);
            return;
        }
        opened.TrySetResult(null);
        RaisePriority();
        var held = new Queue<(long Due, byte[] Frame)>();
        var buffer = new byte[65536];
        var ticksPerMs = System.Diagnostics.Stopwatch.Frequency / 1000.0;
        var delayTicks = (long)(Delay.TotalMilliseconds * ticksPerMs);
        try
        {
            while (!_stopping)
            {
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                while (held.Count > 0 && held.Peek().Due <= now)
                {
                    var frame = held.Dequeue().Frame;
                    write(fd, frame, frame.Length);
                    Interlocked.Increment(ref _relayed);
                }
                // Rounded up: a frame is never passed on early, and the thread sleeps rather than spins for the last millisecond.
                var wait = held.Count > 0 ? (int)Math.Ceiling(Math.Clamp((held.Peek().Due - now) / ticksPerMs, 0, 100)) : 100;
                var poll = new PollFd { Fd = fd, Events = PollIn };
                if (Poll(ref poll, 1, wait) > 0 && (poll.Revents & PollIn) != 0)
                {
                    var n = read(fd, buffer, buffer.Length);
                    if (n > 0) held.Enqueue((System.Diagnostics.Stopwatch.GetTimestamp() + delayTicks, buffer[..(int)n]));
                }
            }
        }
        finally
        {
            _ = close(fd); // nothing to do about a failed close of a descriptor we are done with
        }
    }

    /// <summary>
    /// Lets this thread run as soon as a frame arrives or its time is up, even on a machine busy with other work: on a
    /// loaded machine (two cores, load 25) an ordinary thread woke 20 to 50 ms late, more than the delay itself, and the
    /// farther hop looked nearer. SCHED_FIFO at a low real-time priority (root has it; the kernel still keeps 5 % of
    /// each second for everyone else), else the highest nice value, else as it was. The thread sleeps in poll between
    /// frames, so it takes almost no time from anyone.
    /// </summary>
    private static void RaisePriority()
    {
        var fifo = new SchedParam { Priority = RelayPriority };
        if (sched_setscheduler(0, SchedFifo, ref fifo) == 0) return;
        _ = setpriority(0 /* PRIO_PROCESS: with 0, this thread */, 0, -20);
    }

    /// <summary>Stops every node's thread (bounded) and closes the TAP devices.</summary>
    public void Dispose()
    {
        _stopping = true;
        foreach (var thread in _threads) thread.Join(TimeSpan.FromSeconds(2));
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"délai de {Delay.TotalMilliseconds:0} ms par nœud (relais TAP), {Relayed} trames retenues");

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setscheduler(int pid, int policy, ref SchedParam param);

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, uint who, int priority);

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    [DllImport("libc", SetLastError = true)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA2101", Justification = "libc takes a narrow char*; on Linux LPStr is UTF-8, with no best-fit mapping.")]
    private static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int ioctl(int fd, nuint request, byte[] argument);

    [DllImport("libc", SetLastError = true, EntryPoint = "poll")]
    private static extern int Poll(ref PollFd fds, uint count, int timeoutMs);

    [DllImport("libc", SetLastError = true)]
    private static extern nint read(int fd, byte[] buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    private static extern nint write(int fd, byte[] buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
