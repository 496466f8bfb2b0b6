namespace OutlookFollowUp.FollowUps;

/// <summary>A colleague answered (docs/detection-rules.md, "Answers that come another way").</summary>
public sealed partial class ThreadRules
{
    /// <summary>
    /// In a group thread, the waited-on people a colleague answered for: someone else at their organization (same
    /// domain, never a public mail provider's) wrote a message that rules 3 and 3a do not skip, dated after the user's
    /// first counted message to them. The earliest such message answers, one per person, in the order given.
    /// </summary>
    public IReadOnlyList<RouteAnswer> ColleagueAnswers(MailThread thread, IReadOnlyList<MailAddress> waitingOn)
    {
        List<RouteAnswer>? answers = null;
        foreach (var person in waitingOn)
        {
            if (!Organizations.IsOrganization(Organizations.Domain(person.Address)) || FirstMessageTo(thread, person.Address) is not { } asked)
            {
                continue;
            }

            MailRecord? first = null;
            foreach (var message in thread.Messages)
            {
                if (message.Date > asked && (first is null || message.Date < first.Date) && !IsMe(message.From)
                    && Organizations.Colleagues(message.From, person.Address) && !Skips(message, thread))
                {
                    first = message;
                }
            }

            if (first is not null)
            {
                (answers ??= []).Add(new RouteAnswer(person, AnswerRoute.Colleague, first.Date!.Value, new MailAddress(first.From, first.FromName)));
            }
        }

        return answers ?? (IReadOnlyList<RouteAnswer>)[];
    }
}
