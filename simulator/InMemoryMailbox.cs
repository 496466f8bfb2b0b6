using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>
/// A mailbox in memory, by folder, with a change version per message so delta rounds return only what changed.
/// Thread-safe: tests change it while a sync runs.
/// </summary>
public sealed partial class InMemoryMailbox(string mail, string? userPrincipalName = null, string? timeZone = "UTC")
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Folder, string Id), Entry> _entries = [];

    // Every change in version order: a page is a binary search and a short scan, not a sort of the whole mailbox.
    private readonly List<Entry> _log = [];

    // Positions in the log by conversation, in version order: a conversation look-up reads its own changes only.
    private readonly Dictionary<string, List<int>> _byConversation = new(StringComparer.Ordinal);
    private long _version;

    public string Mail { get; } = mail;

    public string UserPrincipalName { get; } = userPrincipalName ?? mail;

    public IReadOnlyList<string> ProxyAddresses { get; init; } = [];

    /// <summary>The owner's name as /me gives it; null when the account has none.</summary>
    public string? DisplayName { get; init; }

    public string? TimeZone { get; set; } = timeZone;

    /// <summary>The owner's working hours (mailboxSettings.workingHours); null when the mailbox has none set.</summary>
    public InMemoryWorkingHours? WorkingHours { get; set; }

    private readonly ConcurrentDictionary<string, InMemoryAutomaticReply> _automaticReplies = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Turns someone's automatic reply on (a message) or off (null), as getMailTips will report it.</summary>
    public void SetAutomaticReply(string address, string? message, DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        if (string.IsNullOrEmpty(message))
        {
            _automaticReplies.TryRemove(address, out _);
        }
        else
        {
            _automaticReplies[address] = new InMemoryAutomaticReply(message, start, end);
        }
    }

    internal InMemoryAutomaticReply? AutomaticReplyOf(string address) => _automaticReplies.GetValueOrDefault(address);

    /// <summary>Delta and paging cursors by token; a token missing here is answered with 410 Gone.</summary>
    internal ConcurrentDictionary<string, DeltaCursor> Cursors { get; } = new(StringComparer.Ordinal);

    internal long Version { get { lock (_lock) { return _version; } } }

    public void Put(string folder, InMemoryMessage message) => Put(folder, message.ToJson());

    /// <summary>Adds or replaces a message as raw Graph JSON (documentation samples go in as they are).</summary>
    public void Put(string folder, JsonObject message)
    {
        var id = message["id"]?.GetValue<string>() ?? throw new ArgumentException("A message needs an id.", nameof(message));
        lock (_lock)
        {
            Record(new Entry(Key(folder), id, message.DeepClone().AsObject(), ++_version, Deleted: false));
        }
    }

    /// <summary>Deletes a message; the next delta round of its folder reports it as @removed.</summary>
    public bool Remove(string folder, string id)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue((Key(folder), id), out var entry) || entry.Deleted)
            {
                return false;
            }

            Record(entry with { Deleted = true, Version = ++_version });
            return true;
        }
    }

    /// <summary>An immutable id keeps its value across the move; the old folder sees @removed.</summary>
    public void Move(string fromFolder, string toFolder, string id)
    {
        lock (_lock)
        {
            var json = _entries.TryGetValue((Key(fromFolder), id), out var entry) && !entry.Deleted
                ? entry.Json
                : throw new KeyNotFoundException($"No message {id} in {fromFolder}.");
            Remove(fromFolder, id);
            Put(toFolder, json);
        }
    }

    /// <summary>A copy of the message with this id in any folder, or null (tests read flags back through it).</summary>
    public JsonObject? Find(string id)
    {
        lock (_lock)
        {
            var entry = _entries.Values.FirstOrDefault(e => e.Id == id && !e.Deleted);
            return entry?.Json.DeepClone().AsObject();
        }
    }

    /// <summary>Changes a message in place, wherever it is; the change shows in the next delta round, as in Graph.</summary>
    internal JsonObject? Update(string id, Action<JsonObject> change)
    {
        lock (_lock)
        {
            var entry = _entries.Values.FirstOrDefault(e => e.Id == id && !e.Deleted);
            if (entry is null)
            {
                return null;
            }

            var json = entry.Json.DeepClone().AsObject();
            change(json);
            Record(new Entry(entry.Folder, id, json, ++_version, Deleted: false));
            return json.DeepClone().AsObject();
        }
    }

    /// <summary>Forgets every outstanding delta and paging token, as a sync-state reset does in Exchange.</summary>
    public void ExpireDeltaTokens() => Cursors.Clear();

    public int Count(string folder)
    {
        lock (_lock)
        {
            return _entries.Values.Count(e => e.Folder == Key(folder) && !e.Deleted);
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> entries of a folder (or every folder) changed in (after, upTo] and still in that state,
    /// oldest change first: an entry changed again after the round's snapshot shows up in the next round instead.
    /// </summary>
    /// <param name="conversationId">When set, only that conversation's changes are read (from its index).</param>
    internal List<Entry> Changes(string? folder, long after, long upTo, Func<Entry, bool> include, int limit, string? conversationId = null)
    {
        lock (_lock)
        {
            var result = new List<Entry>();
            var first = FirstAfter(after);
            IEnumerable<int> positions = conversationId is null
                ? Enumerable.Range(first, _log.Count - first)
                : _byConversation.TryGetValue(conversationId, out var indexed) ? indexed.Where(i => _log[i].Version > after) : [];
            foreach (var i in positions)
            {
                var entry = _log[i];
                if (entry.Version > upTo || result.Count >= limit)
                {
                    break;
                }

                if ((folder is null || entry.Folder == Key(folder)) && _entries[(entry.Folder, entry.Id)].Version == entry.Version && include(entry))
                {
                    result.Add(entry);
                }
            }

            return result;
        }
    }

    private void Record(Entry entry)
    {
        _entries[(entry.Folder, entry.Id)] = entry;
        if (entry.Json["conversationId"]?.GetValue<string>() is { } conversation)
        {
            if (!_byConversation.TryGetValue(conversation, out var positions))
            {
                _byConversation[conversation] = positions = [];
            }

            positions.Add(_log.Count);
        }

        _log.Add(entry);
    }

    /// <summary>Index of the first logged change with a version above <paramref name="version"/> (versions only grow).</summary>
    private int FirstAfter(long version)
    {
        int low = 0, high = _log.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_log[mid].Version <= version)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static string Key(string folder) => folder.ToLowerInvariant();

    internal sealed record Entry(string Folder, string Id, JsonObject Json, long Version, bool Deleted);
}
