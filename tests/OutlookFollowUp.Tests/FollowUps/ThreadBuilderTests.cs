using OutlookFollowUp.FollowUps;

namespace OutlookFollowUp.Tests.FollowUps;

public class ThreadBuilderTests
{
    [Fact]
    public void DuplicateMessageIds_CountOnce_FirstSeenWins()
    {
        var first = TestMail.Message(id: "<same@x>", subject: "first");
        var second = TestMail.Message(id: "<same@x>", subject: "second");

        var set = ThreadBuilder.Build([first, second]);

        Assert.Equal("first", Assert.Single(Assert.Single(set.Threads).Messages).Subject);
    }

    [Fact]
    public void DistinctMessageIds_AreBothKept() =>
        Assert.Equal(2, ThreadBuilder.Build([TestMail.Message(), TestMail.Message()]).Threads.Count);

    [Fact]
    public void MessagesWithoutDate_AreSkippedAndCounted()
    {
        var set = ThreadBuilder.Build([TestMail.Message() with { Date = null }, TestMail.Message(), TestMail.Message() with { Date = null }]);

        Assert.Equal((2, 1), (set.Skipped, set.Threads.Count));
    }

    [Fact]
    public void MessagesWithoutMessageId_AreNeverMergedAsDuplicates()
    {
        var a = TestMail.Message() with { InternetMessageId = null, Id = "a" };
        var b = TestMail.Message() with { InternetMessageId = null, Id = "b" };

        Assert.Equal(2, ThreadBuilder.Build([a, b]).Threads.Count);
    }

    [Fact]
    public void InReplyTo_JoinsThread()
    {
        var root = TestMail.Message(subject: "one");
        var reply = TestMail.Message(subject: "something else") with { InReplyTo = [root.InternetMessageId!] };

        Assert.Single(ThreadBuilder.Build([root, reply]).Threads);
    }

    [Fact]
    public void References_JoinThreadThroughAMissingMessage()
    {
        var root = TestMail.Message();
        var grandchild = TestMail.Message(references: [root.InternetMessageId!, "<missing@x>"]);
        var cousin = TestMail.Message(references: ["<missing@x>"]);

        Assert.Single(ThreadBuilder.Build([root, grandchild, cousin]).Threads);
    }

    [Fact]
    public void SameSubjectWithoutReferences_StaysApart() =>
        Assert.Equal(2, ThreadBuilder.Build([TestMail.Message(subject: "Budget"), TestMail.Message(subject: "Re: Budget")]).Threads.Count);

    [Fact]
    public void ThreadIndex_SharingFirst22Bytes_JoinsThread()
    {
        var header = Enumerable.Range(1, 22).Select(i => (byte)i).ToArray();
        var a = TestMail.Message() with { ThreadIndex = header };
        var b = TestMail.Message() with { ThreadIndex = [.. header, 9, 9, 9, 9, 9] };

        Assert.Single(ThreadBuilder.Build([a, b]).Threads);
    }

    [Fact]
    public void ThreadIndex_DifferingWithinFirst22Bytes_StaysApart()
    {
        var header = Enumerable.Range(1, 27).Select(i => (byte)i).ToArray();
        var other = (byte[])header.Clone();
        other[21] = 0xFF;

        Assert.Equal(2, ThreadBuilder.Build([TestMail.Message() with { ThreadIndex = header }, TestMail.Message() with { ThreadIndex = other }]).Threads.Count);
    }

    [Fact]
    public void ThreadIndex_ShorterThan22Bytes_JoinsNothing()
    {
        byte[] shortIndex = [1, 2, 3];

        Assert.Equal(2, ThreadBuilder.Build([TestMail.Message() with { ThreadIndex = shortIndex }, TestMail.Message() with { ThreadIndex = shortIndex }]).Threads.Count);
    }

    [Fact]
    public void ConversationId_DecidesTheThread_AndIsItsKey()
    {
        var a = TestMail.Message() with { ConversationId = "AAQk1" };
        var b = TestMail.Message() with { ConversationId = "AAQk1" };
        var c = TestMail.Message() with { ConversationId = "AAQk2", InReplyTo = [a.InternetMessageId!] };

        var set = ThreadBuilder.Build([a, b, c]);

        Assert.Equal(["AAQk1", "AAQk2"], set.Threads.Select(t => t.Key));
    }

    [Fact]
    public void MimeThreadKey_IsEarliestMessageId()
    {
        var root = TestMail.Message(hoursAgo: 100, id: "<root@x>");
        var reply = root.ReplyTo(TestMail.Message(hoursAgo: 90));

        Assert.Equal("<root@x>", Assert.Single(ThreadBuilder.Build([reply, root]).Threads).Key);
    }
}
