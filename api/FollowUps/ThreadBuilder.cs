using System.Runtime.InteropServices;

namespace OutlookFollowUp.FollowUps;

/// <summary>A thread: its key and its messages in read order.</summary>
public sealed record MailThread(string Key, IReadOnlyList<MailRecord> Messages);

/// <summary>Threads and the number of messages skipped for having no date (rule 1).</summary>
public sealed record ThreadSet(IReadOnlyList<MailThread> Threads, int Skipped)
{
    /// <summary>Every dated message read, by Message-ID: the index the builder keeps anyway, for rule 3a.</summary>
    public MessagesById Messages { get; init; } = MessagesById.Of(Threads);
}

/// <summary>Rules 1 and 2: duplicates count once, dateless messages are skipped, threads are built without subjects.</summary>
public static class ThreadBuilder
{
    /// <summary>Thread-Index headers that share this many leading decoded bytes belong to one conversation.</summary>
    public const int ThreadIndexPrefixLength = 22;

    public static ThreadSet Build(IEnumerable<MailRecord> messages)
    {
        var capacity = messages switch
        {
            ICollection<MailRecord> c => c.Count,
            IReadOnlyCollection<MailRecord> c => c.Count,
            _ => 1024,
        };
        var kept = new List<MailRecord>(capacity);
        var messageNodes = new List<int>(capacity);
        var nodes = new UnionFind(capacity);
        var skipped = 0;
        foreach (var message in messages)
        {
            // One hash lookup both finds duplicates (rule 1) and gives the message's node in the Message-ID index (rule 2).
            var idNode = -1;
            if (!string.IsNullOrEmpty(message.InternetMessageId) && !nodes.TryClaimMessageId(message.InternetMessageId, out idNode))
            {
                continue;
            }

            if (message.Date is null)
            {
                skipped++;
                continue;
            }

            kept.Add(message);
            messageNodes.Add(nodes.Link(message, idNode));
        }

        return new ThreadSet(Group(kept, messageNodes, nodes), skipped) { Messages = new MessagesById(nodes.MessageWithId) };
    }

    /// <summary>Counting sort by root: threads in order of their first message, messages in read order, one exact-size array each.</summary>
    private static List<MailThread> Group(List<MailRecord> kept, List<int> messageNodes, UnionFind nodes)
    {
        var groupOfRoot = new int[nodes.Count]; // group number + 1; 0 = root not seen yet
        var groupOfMessage = new int[kept.Count];
        var sizes = new int[kept.Count]; // there are at most as many threads as messages
        var groups = 0;
        for (var i = 0; i < kept.Count; i++)
        {
            var root = nodes.Find(messageNodes[i]);
            ref var group = ref groupOfRoot[root];
            if (group == 0)
            {
                group = ++groups;
            }

            groupOfMessage[i] = group - 1;
            sizes[group - 1]++;
        }

        var members = new MailRecord[groups][];
        for (var g = 0; g < groups; g++)
        {
            members[g] = new MailRecord[sizes[g]];
        }

        // Filled in read order, so each thread's key is found in the same pass (records are read sequentially, not per thread).
        var filled = new int[groups];
        var earliest = new MailRecord?[groups];
        var conversation = new string?[groups];
        for (var i = 0; i < kept.Count; i++)
        {
            var g = groupOfMessage[i];
            var message = kept[i];
            members[g][filled[g]++] = message;
            if (conversation[g] is null)
            {
                if (message.ConversationId is { Length: > 0 } conversationId)
                {
                    conversation[g] = conversationId;
                }
                else if (earliest[g] is not { } first || message.Date < first.Date)
                {
                    earliest[g] = message;
                }
            }
        }

        var threads = new List<MailThread>(groups);
        for (var g = 0; g < groups; g++)
        {
            threads.Add(new MailThread(KeyOf(conversation[g], earliest[g]!), members[g]));
        }

        return threads;
    }

    /// <summary>Graph's conversationId (the first one read); otherwise the Message-ID of the thread's earliest message (ties: first read).</summary>
    private static string KeyOf(string? conversationId, MailRecord earliest) =>
        conversationId ?? earliest.InternetMessageId ?? earliest.Id;

    /// <summary>Disjoint sets over message ids, conversation ids and Thread-Index prefixes.</summary>
    private sealed class UnionFind(int messages)
    {
        /// <summary>Base64 of the 22-byte Thread-Index prefix: 32 characters.</summary>
        private const int ThreadIndexKeyLength = (ThreadIndexPrefixLength + 2) / 3 * 4;

        private int[] _parent = new int[Math.Max(16, messages + (messages / 4))];

        private bool[] _isMessage = new bool[Math.Max(16, messages + (messages / 4))];

        /// <summary>
        /// The message whose Message-ID a node is, once linked (a MIME message: once all its References are in its set).
        /// Also the index of messages by id that rule 3a reads.
        /// </summary>
        private MailRecord?[] _linked = new MailRecord?[Math.Max(16, messages + (messages / 4))];
        private readonly Dictionary<string, int> _messageIds = new(messages, StringComparer.Ordinal);
        private readonly Dictionary<string, int> _conversations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _threadIndexes = new(StringComparer.Ordinal);

        public int Count { get; private set; }

        /// <summary>The node of a message's own Message-ID; false when an earlier message already had it (a duplicate).</summary>
        public bool TryClaimMessageId(string messageId, out int node)
        {
            node = NodeOf(_messageIds, messageId);
            if (_isMessage[node])
            {
                return false;
            }

            _isMessage[node] = true;
            return true;
        }

        /// <summary>The dated message read with this Message-ID, or null when no such message was read.</summary>
        public MailRecord? MessageWithId(string messageId) =>
            _messageIds.TryGetValue(messageId, out var node) ? _linked[node] : null;

        /// <summary>Joins a message (its Message-ID node, or -1 when it has none) to everything rule 2 says it belongs with; returns its node.</summary>
        public int Link(MailRecord message, int idNode)
        {
            if (message.ConversationId is { Length: > 0 } conversationId)
            {
                if (idNode >= 0)
                {
                    _linked[idNode] = message;
                }

                return NodeOf(_conversations, conversationId);
            }

            var node = idNode < 0 ? NewNode() : idNode;
            MailRecord? parent = null;
            for (var i = 0; i < message.InReplyTo.Count; i++)
            {
                var replyTo = NodeOf(_messageIds, message.InReplyTo[i]);
                if (parent is null && _linked[replyTo] is { ConversationId: null or "" } linked)
                {
                    parent = linked; // not a Graph message: those never link their References, so they cannot vouch for them
                }

                Union(node, replyTo);
            }

            for (var i = 0; i < message.References.Count; i++)
            {
                // Hashing ids is the cost here. An id the parent already linked (its own, or one of its References)
                // is already in the parent's set, which this message has just joined: skip it.
                var id = message.References[i];
                if (parent is null || !LinkedBy(parent, id))
                {
                    Union(node, NodeOf(_messageIds, id));
                }
            }

            if (message.ThreadIndex is { Length: >= ThreadIndexPrefixLength } threadIndex)
            {
                // The base64 key is looked up from the stack; a string is made only for a prefix not seen before.
                Span<char> key = stackalloc char[ThreadIndexKeyLength];
                Convert.TryToBase64Chars(threadIndex.AsSpan(0, ThreadIndexPrefixLength), key, out var written);
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(
                    _threadIndexes.GetAlternateLookup<ReadOnlySpan<char>>(), key[..written], out var exists);
                if (!exists)
                {
                    slot = NewNode();
                }

                Union(node, slot);
            }

            if (idNode >= 0)
            {
                _linked[idNode] = message;
            }

            return node;
        }

        /// <summary>Whether linking <paramref name="message"/> already joined <paramref name="id"/> to its set.</summary>
        private static bool LinkedBy(MailRecord message, string id)
        {
            if (string.Equals(message.InternetMessageId, id, StringComparison.Ordinal))
            {
                return true;
            }

            // Clients trim References to about a dozen ids; a longer list is not scanned, so the check stays linear.
            var references = message.References;
            for (var i = 0; i < references.Count && references.Count <= 32; i++)
            {
                if (string.Equals(references[i], id, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public int Find(int node)
        {
            var parent = _parent;
            var root = node;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            while (parent[node] != root)
            {
                (node, parent[node]) = (parent[node], root);
            }

            return root;
        }

        private void Union(int a, int b)
        {
            var rootA = Find(a);
            var rootB = Find(b);
            if (rootA != rootB)
            {
                // The smaller index stays root: cheap, and keeps trees shallow enough with path compression.
                if (rootA < rootB)
                {
                    _parent[rootB] = rootA;
                }
                else
                {
                    _parent[rootA] = rootB;
                }
            }
        }

        private int NodeOf(Dictionary<string, int> index, string key)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
            if (!exists)
            {
                slot = NewNode();
            }

            return slot;
        }

        private int NewNode()
        {
            if (Count == _parent.Length)
            {
                Array.Resize(ref _parent, Count * 2);
                Array.Resize(ref _linked, Count * 2);
                Array.Resize(ref _isMessage, Count * 2);
            }

            _parent[Count] = Count;
            return Count++;
        }
    }
}
