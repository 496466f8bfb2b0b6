// PostgreSQL Flexible Server with Microsoft Entra authentication only: no password exists; the API's managed
// identity is the Entra administrator and signs in with a token.
param location string
param tags object
param token string
param adminPrincipalId string
param adminName string

@description('Compute tier: Burstable B1ms is enough for a tenant of a few thousand mailboxes; raise it for more.')
param skuName string = 'Standard_B1ms'
param skuTier string = 'Burstable'

var databaseName = 'followups'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-${token}'
  location: location
  tags: tags
  sku: { name: skuName, tier: skuTier }
  properties: {
    version: '16'
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// Reachable from Azure services only (Container Apps' outbound addresses); TLS is required by the server.
resource azureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource entraAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: adminPrincipalId
  properties: {
    principalType: 'ServicePrincipal'
    principalName: adminName
    tenantId: tenant().tenantId
  }
  dependsOn: [database, azureServices]
}

output host string = server.properties.fullyQualifiedDomainName
output databaseName string = databaseName
