// Test folders mirror api/ folders; their helpers are found from any of them.
global using OutlookFollowUp.Tests.Auth;
global using OutlookFollowUp.Tests.Away;
global using OutlookFollowUp.Tests.Deploy;
global using OutlookFollowUp.Tests.Hosting;
global using OutlookFollowUp.Tests.Mail;
global using OutlookFollowUp.Tests.Mail.Graph;
global using OutlookFollowUp.Tests.MailIndex;
global using OutlookFollowUp.Tests.Notifications;
global using OutlookFollowUp.Tests.Pane;
global using OutlookFollowUp.Tests.Reminders;
global using OutlookFollowUp.Tests.Storage;
global using OutlookFollowUp.Tests.Support;
