# Memorystore Redis (cache, rate limits) on a private network the functions reach through a
# Serverless VPC Access connector; only private ranges go through it. Every client must AUTH, and
# every connection is TLS (SERVER_AUTHENTICATION): the functions check the server's certificate
# against the instance's own CA, handed to them as REDIS_CA_CERT (functions.tf).

resource "google_compute_network" "private" {
  name                    = "contentcreator"
  auto_create_subnetworks = false

  depends_on = [google_project_service.api]
}

resource "google_vpc_access_connector" "functions" {
  name          = "cc-functions"
  region        = var.region
  network       = google_compute_network.private.name
  ip_cidr_range = "10.8.0.0/28"
  min_instances = 2
  max_instances = 3
}

resource "google_redis_instance" "cache" {
  name               = "contentcreator"
  region             = var.region
  tier               = "BASIC"
  memory_size_gb     = var.redis_memory_size_gb
  redis_version      = "REDIS_7_0"
  authorized_network = google_compute_network.private.id
  connect_mode       = "DIRECT_PEERING"
  auth_enabled       = true
  # TLS in transit; clients connect on port 6378 with rediss:// and trust server_ca_certs.
  transit_encryption_mode = "SERVER_AUTHENTICATION"

  depends_on = [google_project_service.api]
}

# REDIS_URL holds the instance's AUTH string, so it reaches the functions as a secret, not as plain
# configuration. rediss:// makes the client speak TLS.
resource "google_secret_manager_secret" "redis_url" {
  secret_id = "redis-url"
  replication {
    auto {}
  }

  depends_on = [google_project_service.api]
}

resource "google_secret_manager_secret_version" "redis_url" {
  secret      = google_secret_manager_secret.redis_url.id
  secret_data = "rediss://:${google_redis_instance.cache.auth_string}@${google_redis_instance.cache.host}:${google_redis_instance.cache.port}/0"
}

locals {
  # The CA that signs the instance's server certificate (not secret): every certificate Memorystore
  # lists, so a CA rotation keeps working while both are listed.
  redis_ca_certs = join("\n", [for c in google_redis_instance.cache.server_ca_certs : c.cert])
}
