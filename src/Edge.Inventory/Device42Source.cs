using System.Globalization;
using Edge.Core.Readings;
using Edge.Core.Sources;
using Edge.Inventory.Client;
using Edge.Inventory.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Inventory;

/// <summary>
/// The inventory source: every interval it reads Device42 whole (software, the prohibited components' installations,
/// operating systems, subnets and the count of their IPs in use, part models) and writes the readings of
/// docs/inventory.md, all stamped with one time. A read that fails anywhere — a request, or pages that disagree —
/// writes nothing but <c>reachable</c> = 0 (and the licence's days_left): a half-read inventory never looks like
/// removals, so no inventory alert is resolved by a failure.
/// </summary>
public sealed class Device42Source : IReadingSource, IDisposable
{
    private const string SoftwarePath = "api/1.0/software/";
    private const string InstallsPath = "api/1.0/software_details/";
    private const string OperatingSystemsPath = "api/1.0/operatingsystems/";
    private const string SubnetsPath = "api/1.0/subnets/";
    private const string IpsPath = "api/1.0/ips/";
    private const string PartModelsPath = "api/1.0/partmodels/";

    private readonly Device42Options _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Device42Client _client;
    private readonly ProhibitedFindings _findings;
    private readonly string? _findingsFile;
    private string? _lastError;
    private string _lastCapped = "";
    private bool _everRead;
    private HashSet<string> _malformed = new(StringComparer.Ordinal);

    /// <param name="findingsFile">Where the prohibited findings seen are kept across restarts (in the state
    /// directory); null keeps them in memory only.</param>
    public Device42Source(Device42Options options, TimeProvider time, ILogger<Device42Source>? logger = null, string? findingsFile = null)
    {
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger<Device42Source>.Instance;
        _client = new Device42Client(options, time);
        _findings = new ProhibitedFindings(options.MaxEntities);
        _findingsFile = findingsFile;
        if (findingsFile is not null && File.Exists(findingsFile))
        {
            try
            {
                // Only well-formed finding ids, at most maxEntities of them: the file is ours, but a bad edit must not grow memory.
                _findings.Restore(File.ReadLines(findingsFile).Take(options.MaxEntities)
                    .Where(l => EntityId.TryParseInventory(l, out var kind) && kind == EntityKind.Prohibited));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.FindingsNotSaved(_logger, findingsFile, e.Message);
            }
        }
    }

    public string Id => Device42Options.SourceId;
    public TimeSpan Interval => _options.Interval;

    /// <summary>The error of the last poll, null when it read Device42 whole: what <c>edge status</c> can show.</summary>
    public string? Problem => _lastError;

    public async ValueTask PollAsync(IReadingSink sink, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var readings = new List<Reading>();
        var licenseExpired = false;
        var reachable = false;
        try
        {
            var snapshot = await ReadAsync(cancellationToken);
            var malformed = new List<string>();
            var capped = InventoryMapper.Map(snapshot, _options.MaxEntities, _findings, now, readings, malformed);
            reachable = true;
            if (_findings.TakeChanged())
                SaveFindings();
            var cappedText = string.Join(", ", capped);
            if (cappedText != _lastCapped && capped.Count > 0)
                Log.Capped(_logger, cappedText, _options.MaxEntities);
            _lastCapped = cappedText;
            // Once per malformed object, not once per poll: the set holds what the last read found.
            foreach (var problem in malformed.Where(m => !_malformed.Contains(m)))
                Log.MalformedObject(_logger, _options.Url.Authority, problem);
            _malformed = malformed.ToHashSet(StringComparer.Ordinal);
            if (_lastError is not null || !_everRead)
                Log.Readable(_logger, _options.Url.Authority, snapshot.Software.Count, _findings.Count, snapshot.Subnets.Count);
            _lastError = null;
            _everRead = true;
        }
        catch (Device42Exception e)
        {
            readings.Clear();
            licenseExpired = e.Failure == Device42Failure.LicenseExpired;
            if (e.Message != _lastError)
            {
                if (e.Failure is Device42Failure.LicenseExpired or Device42Failure.LicenseNotValid)
                    Log.LicenceRefused(_logger, _options.Url.Authority, e.Message);
                else
                    Log.Unreadable(_logger, _options.Url.Authority, e.Failure, e.Message);
            }
            _lastError = e.Message;
        }
        foreach (var reading in readings)
            sink.Write(reading);
        // The appliance saying its licence expired is the licence's state, read explicitly; otherwise the configured date.
        if (licenseExpired)
            sink.Write(new Reading(Id, Metrics.DaysLeft, 0, now));
        else if (_options.LicenseExpiry is { } expiry)
            sink.Write(new Reading(Id, Metrics.DaysLeft, DaysLeft(expiry, now), now));
        sink.Write(new Reading(Id, Metrics.Reachable, reachable ? 1 : 0, now));
    }

    /// <summary>Whole days from now until the licence ends at 00:00 UTC of its date; negative once it has.</summary>
    public static double DaysLeft(DateOnly expiry, DateTimeOffset now) =>
        Math.Floor((new DateTimeOffset(expiry.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - now).TotalDays);

    private async Task<InventorySnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var password = ReadPassword();
        var json = Device42Json.Default;
        var software = await _client.ListAsync<SoftwarePage, SoftwareItem>(SoftwarePath, null, json.SoftwarePage, password, cancellationToken);

        // Only the prohibited components' installations are read, each by its id (swagger /api/1.0/software_details/:
        // software_id, "filter by id of the software"), not every installation of every package. The full software
        // listing is read anyway for the counts, and it carries each component's software_type.
        var prohibited = new List<(string, string)>();
        var prohibitedComplete = true;
        foreach (var component in software.Where(s => s.Name is not null && string.Equals(s.SoftwareType?.Trim(), InventoryMapper.ProhibitedType, StringComparison.OrdinalIgnoreCase)))
        {
            if (component.Id.Value is not { } id)
            {
                // Its installations cannot be asked for: none of the findings may be taken as removed.
                prohibitedComplete = false;
                continue;
            }
            var installs = await _client.ListAsync<SoftwareDetailsPage, SoftwareDetail>(InstallsPath, $"software_id={id.ToString(CultureInfo.InvariantCulture)}",
                json.SoftwareDetailsPage, password, cancellationToken);
            foreach (var install in installs)
            {
                if (install.SoftwareId.Value is { } of ? of != id : install.Software != component.Name)
                    throw new Device42Exception(Device42Failure.Malformed, $"{InstallsPath} ignored the filter software_id={id}: it served an installation of '{install.Software}'");
                if (install.Device is { } device)
                    prohibited.Add((component.Name!, device));
            }
        }

        var systems = await _client.ListAsync<OperatingSystemPage, OperatingSystemItem>(OperatingSystemsPath, null, json.OperatingSystemPage, password, cancellationToken);
        var subnets = await _client.ListAsync<SubnetPage, SubnetItem>(SubnetsPath, null, json.SubnetPage, password, cancellationToken);
        // Device42's subnet object carries no usage figure: each kept IPv4 subnet's IPs in use are counted with one
        // request (swagger /api/1.0/ips/: subnet_id, available=no, read by the page's total_count). IPv6 subnets have no
        // "% Used" in Device42 and are not asked about.
        var used = new Dictionary<int, int>();
        var counted = subnets
            .Where(s => s.SubnetId.Value is not null && s.Network is not null && s.MaskBits.Value is { } bits
                && InventoryMapper.HostCapacity(s.Network, bits, true, true) is not null)
            .OrderBy(s => EntityId.Subnet(s.Network!, s.MaskBits.Value!.Value, InventoryMapper.VrfGroup(s)), StringComparer.Ordinal)
            .Take(_options.MaxEntities);
        foreach (var subnet in counted)
        {
            var id = subnet.SubnetId.Value!.Value;
            if (!used.ContainsKey(id))
                used[id] = await _client.CountAsync<IpPage, IpItem>(IpsPath, $"subnet_id={id.ToString(CultureInfo.InvariantCulture)}&available=no", json.IpPage,
                    ip => ip.Available == false && (ip.SubnetId.Value is not { } of || of == id), password, cancellationToken);
        }
        var parts = await _client.ListAsync<PartModelPage, PartModelItem>(PartModelsPath, null, json.PartModelPage, password, cancellationToken);
        return new InventorySnapshot(software, prohibited, prohibitedComplete, systems, subnets, used, parts);
    }

    /// <summary>Written whole to a new file and renamed over the old one, so a crash never leaves half a list.</summary>
    private void SaveFindings()
    {
        if (_findingsFile is null)
            return;
        var temporary = _findingsFile + ".new";
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(_findingsFile)) is { } directory)
                Directory.CreateDirectory(directory);
            File.WriteAllLines(temporary, _findings.Known.Order(StringComparer.Ordinal));
            File.Move(temporary, _findingsFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.FindingsNotSaved(_logger, _findingsFile, e.Message);
        }
    }

    /// <summary>Read at every poll, so a changed password is picked up without a restart and is not held in memory between polls.</summary>
    private string ReadPassword()
    {
        try
        {
            return File.ReadAllText(_options.PasswordFile).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Device42Exception(Device42Failure.Credentials, $"cannot read device42.passwordFile {_options.PasswordFile}: {e.GetType().Name}");
        }
    }

    public void Dispose() => _client.Dispose();
}
