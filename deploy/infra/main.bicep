// OutlookFollowUp in one resource group: the API on Azure Container Apps with a user-assigned managed identity,
// PostgreSQL Flexible Server with Entra ID authentication only, Key Vault (RBAC) for the API's certificate,
// Log Analytics and Application Insights. `azd up` deploys it (azure.yaml at the repository root).
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Object id of the admin running azd: may create the certificate in Key Vault.')
param principalId string = ''

@description('Entra ID application (client) id printed by the register command.')
param azureAdClientId string = ''

@description('Tenant id of the registration (the tenant the API serves).')
param azureAdTenantId string = tenant().tenantId

@description('Name of the API\'s certificate in Key Vault (the registration\'s credential).')
param certificateName string = 'followup-api'

@description('Public origin of the API when a custom domain is used (https://…); the Container Apps host otherwise.')
param publicBaseUrl string = ''

@description('Graph:Mode: Delegated (long-running on-behalf-of sessions) or Application (client credentials, scoped with Exchange RBAC for Applications).')
@allowed(['Delegated', 'Application'])
param graphMode string = 'Delegated'

@description('Container image set by azd deploy; a placeholder until the first deploy.')
param apiImageName string = ''

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    location: location
    tags: tags
    token: token
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: {
    location: location
    tags: tags
    token: token
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: group
  params: {
    location: location
    tags: tags
    token: token
    apiPrincipalId: identity.outputs.principalId
    adminPrincipalId: principalId
  }
}

module database 'modules/postgres.bicep' = {
  name: 'postgres'
  scope: group
  params: {
    location: location
    tags: tags
    token: token
    adminPrincipalId: identity.outputs.principalId
    adminName: identity.outputs.name
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  scope: group
  params: {
    location: location
    tags: tags
    token: token
    pullPrincipalId: identity.outputs.principalId
  }
}

module api 'modules/containerapp.bicep' = {
  name: 'api'
  scope: group
  params: {
    location: location
    tags: tags
    token: token
    imageName: apiImageName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityName: identity.outputs.name
    registryServer: registry.outputs.loginServer
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    appInsightsName: monitoring.outputs.appInsightsName
    keyVaultUri: vault.outputs.uri
    certificateName: certificateName
    databaseHost: database.outputs.host
    databaseName: database.outputs.databaseName
    azureAdClientId: azureAdClientId
    azureAdTenantId: azureAdTenantId
    publicBaseUrl: publicBaseUrl
    graphMode: graphMode
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = azureAdTenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_KEY_VAULT_URI string = vault.outputs.uri
output API_BASE_URL string = api.outputs.baseUrl
output API_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output POSTGRES_HOST string = database.outputs.host
