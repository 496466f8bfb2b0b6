namespace OutlookFollowUp.Tests.Mail.Mime;

public sealed class DateAndSubjectMappingTests
{
    [Fact]
    public void Date_KeepsTheHeadersOffset()
    {
        var record = OneMessage.Read(Eml.Message());

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 9, 30, 0, TimeSpan.FromHours(1)), record.Date);
    }

    [Fact]
    public void Date_Absent_IsNull()
    {
        Assert.Null(OneMessage.Read(Eml.Message().Without("Date")).Date);
    }

    [Fact]
    public void Date_Unparseable_IsNull()
    {
        Assert.Null(OneMessage.Read(Eml.Message().Without("Date").Header("Date", "sometime last week")).Date);
    }

    [Fact]
    public void Subject_Rfc2047EncodedWord_IsDecoded()
    {
        var record = OneMessage.Read(Eml.Message().Without("Subject").Header("Subject", "=?UTF-8?B?UmU6IMOcYmVyIGRpZSBSZWNobnVuZw==?="));

        Assert.Equal("Re: Über die Rechnung", record.Subject);
    }

    [Fact]
    public void Subject_QuotedPrintableWordsMixedWithText_AreDecoded()
    {
        var record = OneMessage.Read(Eml.Message().Without("Subject").Header("Subject", "Caf=?ISO-8859-1?Q?=E9?= au lait"));

        Assert.Equal("Caf\u00e9 au lait", record.Subject);
    }

    [Fact]
    public void Subject_Absent_IsEmpty()
    {
        Assert.Equal("", OneMessage.Read(Eml.Message().Without("Subject")).Subject);
    }
}
