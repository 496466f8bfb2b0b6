using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutlookFollowUp.Local;

namespace OutlookFollowUp.Hosting;

/// <summary>
/// Readiness: the credential for the on-behalf-of call is configured (its kind is reported, never its value). Presence
/// only: fetching the certificate is left to the first Graph call, so Key Vault being slow never fails a probe.
/// </summary>
public sealed class CredentialHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public const string Name = "credential";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (LocalMode.IsEnabled(configuration))
        {
            return Task.FromResult(HealthCheckResult.Healthy("local mode: no credential is needed"));
        }

        return Task.FromResult(ProductionRequirements.DescribeCredential(configuration) is { } kind
            ? HealthCheckResult.Healthy($"configured ({kind})")
            : HealthCheckResult.Unhealthy($"{ProductionRequirements.CredentialsKey} is not set"));
    }
}
