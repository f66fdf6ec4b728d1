using Edge.Core.Sources;
using Edge.Snmp.Client;
using Edge.Snmp.Configuration;
using Edge.Snmp.Profiles;
using Microsoft.Extensions.Logging;

namespace Edge.Snmp.Polling;

/// <summary>
/// One configured SNMP device as a reading source. The profile (<c>auto</c>: by sysObjectID) is resolved once and
/// cached, and resolved again after the device was unreachable: what comes back may be a replaced card. A poll that
/// gets no answer within the device's timeout × (1 + retries) writes <c>reachable</c> 0 and nothing else; the poller
/// keeps calling at the configured interval, so a device away for days is read again the moment it answers.
/// </summary>
public sealed class SnmpDeviceSource : IReadingSource
{
    private readonly SnmpDeviceOptions _options;
    private readonly DevicePoller _poller;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDeviceProfile? _fixedProfile;
    private IDeviceProfile? _resolved;
    private bool? _wasReachable;
    private string? _lastWarning;
    private string? _lastNotice;

    public SnmpDeviceSource(SnmpDeviceOptions options, SnmpClient client, TimeProvider time, ILogger<SnmpDeviceSource> logger)
    {
        _options = options;
        _poller = new DevicePoller(client, time);
        _time = time;
        _logger = logger;
        _fixedProfile = options.Profile == DeviceProfiles.Auto ? null : DeviceProfiles.ByName(options.Profile)
            ?? throw new ArgumentException($"unknown profile '{options.Profile}'", nameof(options));
    }

    public string Id => _options.Id;
    public TimeSpan Interval => _options.Interval;

    /// <summary>The profile the last successful poll used; null before the first answer.</summary>
    public IDeviceProfile? Profile => _fixedProfile ?? _resolved;

    /// <summary>What the last poll found, for status output and tests.</summary>
    public DevicePoll? Last { get; private set; }

    /// <summary>Why nothing but <c>reachable</c> is read, when the device answers with no supported MIB.</summary>
    public string? Problem => Last?.NoSupportedMib;

    public async ValueTask PollAsync(IReadingSink sink, CancellationToken cancellationToken)
    {
        var poll = await PollOnceAsync(cancellationToken).ConfigureAwait(false);
        Last = poll;
        poll.Readings.WriteTo(sink);
    }

    private async Task<DevicePoll> PollOnceAsync(CancellationToken ct)
    {
        var where = $"{_options.Host}:{_options.Port}";
        var (endPoint, dnsProblem) = await EndpointResolver.ResolveAsync(_options.Host, _options.Port, _options.Timeout, ct).ConfigureAwait(false);
        if (endPoint is null)
        {
            return Note(DevicePoll.Unreachable(Id, _time.GetUtcNow(), dnsProblem), where);
        }
        var target = _options.Target(endPoint);
        where = target.Describe();
        var poll = await _poller.PollAsync(Id, target, _fixedProfile ?? _resolved, ct).ConfigureAwait(false);
        if (_fixedProfile is null && poll.Reachable && _resolved is null && poll.Profile is not null)
        {
            _resolved = poll.Profile;
            SnmpLog.ProfileResolved(_logger, Id, where, poll.Profile.Name, poll.SysObjectId?.ToString() ?? "(not answered)");
        }
        if (!poll.Reachable)
            _resolved = null; // whatever answers next time may be another device or firmware: resolve again
        return Note(poll, where);
    }

    /// <summary>Logs transitions only (one line when the device goes, one when it comes back), not every poll.</summary>
    private DevicePoll Note(DevicePoll poll, string where)
    {
        if (!poll.Reachable && _wasReachable != false)
            SnmpLog.Unreachable(_logger, Id, where, poll.Failure ?? "no answer");
        else if (poll.Reachable && _wasReachable == false)
            SnmpLog.Recovered(_logger, Id, where);
        _wasReachable = poll.Reachable;
        var warning = poll.Warnings.Count > 0 ? string.Join("; ", poll.Warnings) : null;
        if (warning is not null && warning != _lastWarning)
            SnmpLog.PartialWalk(_logger, Id, where, warning);
        _lastWarning = warning;
        if (poll.NoSupportedMib is { } notice && notice != _lastNotice)
            SnmpLog.NoSupportedMib(_logger, Id, where, notice);
        _lastNotice = poll.NoSupportedMib;
        return poll;
    }
}
