namespace OutlookFollowUp.FollowUps;

/// <summary>A thread: its key and its messages in read order.</summary>
public sealed record MailThread(string Key, IReadOnlyList<MailRecord> Messages);

/// <summary>Threads and the number of messages skipped for having no date (rule 1).</summary>
public sealed record ThreadSet(IReadOnlyList<MailThread> Threads, int Skipped);

/// <summary>Rules 1 and 2: duplicates count once, dateless messages are skipped, threads are built without subjects.</summary>
public static class ThreadBuilder
{
    /// <summary>Thread-Index headers that share this many leading decoded bytes belong to one conversation.</summary>
    public const int ThreadIndexPrefixLength = 22;

    public static ThreadSet Build(IEnumerable<MailRecord> messages)
    {
        var kept = new List<MailRecord>(messages is ICollection<MailRecord> c ? c.Count : 1024);
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var message in messages)
        {
            if (!string.IsNullOrEmpty(message.InternetMessageId) && !seenIds.Add(message.InternetMessageId))
            {
                continue;
            }

            if (message.Date is null)
            {
                skipped++;
                continue;
            }

            kept.Add(message);
        }

        var nodes = new UnionFind(kept.Count * 2);
        var messageNodes = new int[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            messageNodes[i] = nodes.Link(kept[i]);
        }

        return new ThreadSet(Group(kept, messageNodes, nodes), skipped);
    }

    private static List<MailThread> Group(List<MailRecord> kept, int[] messageNodes, UnionFind nodes)
    {
        var groupOfRoot = new Dictionary<int, List<MailRecord>>();
        var order = new List<List<MailRecord>>();
        for (var i = 0; i < kept.Count; i++)
        {
            var root = nodes.Find(messageNodes[i]);
            if (!groupOfRoot.TryGetValue(root, out var group))
            {
                group = [];
                groupOfRoot.Add(root, group);
                order.Add(group);
            }

            group.Add(kept[i]);
        }

        var threads = new List<MailThread>(order.Count);
        foreach (var group in order)
        {
            threads.Add(new MailThread(KeyOf(group), group));
        }

        return threads;
    }

    /// <summary>Graph's conversationId; otherwise the Message-ID of the thread's earliest message (ties: first read).</summary>
    private static string KeyOf(List<MailRecord> group)
    {
        var earliest = group[0];
        foreach (var message in group)
        {
            if (message.ConversationId is { Length: > 0 } conversationId)
            {
                return conversationId;
            }

            if (message.Date < earliest.Date)
            {
                earliest = message;
            }
        }

        return earliest.InternetMessageId ?? earliest.Id;
    }

    /// <summary>Disjoint sets over message ids, conversation ids and Thread-Index prefixes.</summary>
    private sealed class UnionFind(int capacity)
    {
        private readonly List<int> _parent = new(capacity);
        private readonly Dictionary<string, int> _messageIds = new(capacity, StringComparer.Ordinal);
        private readonly Dictionary<string, int> _conversations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _threadIndexes = new(StringComparer.Ordinal);

        /// <summary>Adds a message and joins it to everything rule 2 says it belongs with; returns its node.</summary>
        public int Link(MailRecord message)
        {
            if (message.ConversationId is { Length: > 0 } conversationId)
            {
                return NodeOf(_conversations, conversationId);
            }

            var node = string.IsNullOrEmpty(message.InternetMessageId) ? NewNode() : NodeOf(_messageIds, message.InternetMessageId);
            foreach (var id in message.InReplyTo)
            {
                Union(node, NodeOf(_messageIds, id));
            }

            foreach (var id in message.References)
            {
                Union(node, NodeOf(_messageIds, id));
            }

            if (message.ThreadIndex is { Length: >= ThreadIndexPrefixLength } threadIndex)
            {
                Union(node, NodeOf(_threadIndexes, Convert.ToBase64String(threadIndex, 0, ThreadIndexPrefixLength)));
            }

            return node;
        }

        public int Find(int node)
        {
            var root = node;
            while (_parent[root] != root)
            {
                root = _parent[root];
            }

            while (_parent[node] != root)
            {
                (node, _parent[node]) = (_parent[node], root);
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
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
            if (!exists)
            {
                slot = NewNode();
            }

            return slot;
        }

        private int NewNode()
        {
            _parent.Add(_parent.Count);
            return _parent.Count - 1;
        }
    }
}
