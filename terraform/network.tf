# Memorystore Redis (cache, rate limits) on a private network the functions reach through a
# Serverless VPC Access connector; only private ranges go through it.

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

  depends_on = [google_project_service.api]
}

# REDIS_URL holds the instance's AUTH string, so it reaches the functions as a secret, not as plain
# configuration.
resource "google_secret_manager_secret" "redis_url" {
  secret_id = "redis-url"
  replication {
    auto {}
  }

  depends_on = [google_project_service.api]
}

resource "google_secret_manager_secret_version" "redis_url" {
  secret      = google_secret_manager_secret.redis_url.id
  secret_data = "redis://:${google_redis_instance.cache.auth_string}@${google_redis_instance.cache.host}:${google_redis_instance.cache.port}/0"
}
