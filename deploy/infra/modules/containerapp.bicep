// The API on Azure Container Apps: HTTPS only, the user-assigned identity, liveness and readiness probes, and
// the Production settings as environment variables (no secret among them: the credential is a Key Vault
// certificate read with the identity, PostgreSQL takes an Entra token).
param location string
param tags object
param token string
param imageName string
param identityId string
param identityClientId string
param identityName string
param registryServer string
param logAnalyticsName string
param appInsightsName string
param keyVaultUri string
param certificateName string
param databaseHost string
param databaseName string
param azureAdClientId string
param azureAdTenantId string
param publicBaseUrl string
param graphMode string = 'Delegated'

@minValue(1)
param minReplicas int = 1
param maxReplicas int = 3

var appName = 'ca-api-${take(token, 20)}'
var port = 8080

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-${token}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

var baseUrl = empty(publicBaseUrl) ? 'https://${appName}.${environment.properties.defaultDomain}' : publicBaseUrl
var host = replace(baseUrl, 'https://', '')

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'appinsights-connection-string'
          value: insights.properties.ConnectionString
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: empty(imageName) ? 'mcr.microsoft.com/dotnet/samples:aspnetapp' : imageName
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: [
            { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
            { name: 'ASPNETCORE_HTTP_PORTS', value: string(port) }
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
            { name: 'AzureAd__Instance', value: az.environment().authentication.loginEndpoint }
            { name: 'AzureAd__TenantId', value: azureAdTenantId }
            { name: 'AzureAd__ClientId', value: azureAdClientId }
            { name: 'AzureAd__Audience', value: 'api://${host}/${azureAdClientId}' }
            { name: 'AzureAd__ClientCredentials__0__SourceType', value: 'KeyVault' }
            { name: 'AzureAd__ClientCredentials__0__KeyVaultUrl', value: keyVaultUri }
            { name: 'AzureAd__ClientCredentials__0__KeyVaultCertificateName', value: certificateName }
            { name: 'Storage__Provider', value: 'Postgres' }
            { name: 'ConnectionStrings__FollowUps', value: 'Host=${databaseHost};Database=${databaseName};Username=${identityName};Ssl Mode=Require' }
            { name: 'Notifications__PublicBaseUrl', value: baseUrl }
            { name: 'Graph__Mode', value: graphMode }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secretRef: 'appinsights-connection-string' }
            { name: 'OTEL_SERVICE_NAME', value: 'outlook-followup-api' }
          ]
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/health/live', port: port }
              initialDelaySeconds: 5
              periodSeconds: 30
            }
            {
              type: 'Readiness'
              httpGet: { path: '/health/ready', port: port }
              initialDelaySeconds: 5
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
      }
    }
  }
}

output baseUrl string = baseUrl
output name string = app.name
