using System.Collections.Concurrent;

namespace OutlookFollowUp.GraphSimulator;

/// <summary>A phone of a person in the people data, as Graph's <c>phone</c> gives it (type: mobile, business, home, businessFax…).</summary>
public sealed record InMemoryPhone(string Type, string Number);

/// <summary>Someone in the mailbox owner's people data (Graph's <c>person</c>): a name, addresses and phones.</summary>
public sealed record InMemoryPerson(string DisplayName, IReadOnlyList<string> Addresses, IReadOnlyList<InMemoryPhone> Phones);

public sealed partial class InMemoryMailbox
{
    private readonly ConcurrentQueue<InMemoryPerson> _people = new();

    /// <summary>False: the token lacks People.Read, and <c>/me/people</c> answers 403 as Graph does without that consent.</summary>
    public bool PeopleReadGranted { get; set; } = true;

    /// <summary>Adds someone to the people data; searches answer in the order people were added (Graph's relevance).</summary>
    public void AddPerson(InMemoryPerson person) => _people.Enqueue(person);

    internal IReadOnlyList<InMemoryPerson> People => [.. _people];
}
