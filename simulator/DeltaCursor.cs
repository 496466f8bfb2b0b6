namespace OutlookFollowUp.GraphSimulator;

/// <summary>Where a paged or delta read stands; the token in a link points at one of these, like Graph's opaque state.</summary>
/// <param name="Folder">Null for a /me/messages listing across folders.</param>
/// <param name="After">Changes up to this version were already returned.</param>
/// <param name="UpTo">The round's snapshot; null for a delta token, fixed when the token is used.</param>
/// <param name="Cold">A first round: no tombstones, only what exists now.</param>
internal sealed record DeltaCursor(string? Folder, ODataQuery Query, long After, long? UpTo, bool Cold);
