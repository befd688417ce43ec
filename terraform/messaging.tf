# The generation pipeline's plumbing (names from GenerationSettings: TOPIC, QUEUE, POLL_QUEUE) and
# the Cloud Scheduler jobs.

# POST .../generations publishes one event per job here; the fan-out takes it from the push subscription.
resource "google_pubsub_topic" "generation_requests" {
  name = "generation-requests"

  depends_on = [google_project_service.api]
}

# Events the fan-out failed on max_delivery_attempts times end here, kept 7 days for a look.
resource "google_pubsub_topic" "generation_requests_dead" {
  name = "generation-requests-dead"

  depends_on = [google_project_service.api]
}

resource "google_pubsub_subscription" "generation_requests_dead" {
  name                       = "generation-requests-dead"
  topic                      = google_pubsub_topic.generation_requests_dead.id
  message_retention_duration = "604800s"
  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_subscription" "fanout" {
  name                       = "generation-requests-fanout"
  topic                      = google_pubsub_topic.generation_requests.id
  ack_deadline_seconds       = 120
  message_retention_duration = "86400s"
  expiration_policy {
    ttl = ""
  }
  push_config {
    push_endpoint = google_cloudfunctions2_function.function["fanout"].url
    oidc_token {
      service_account_email = google_service_account.events_invoker.email
      audience              = local.function_urls["fanout"]
    }
  }
  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }
  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.generation_requests_dead.id
    max_delivery_attempts = 5
  }
}

locals {
  queues = {
    generation      = google_cloud_tasks_queue.generation
    generation-poll = google_cloud_tasks_queue.generation_poll
  }
}

# One task per item; the retry settings are GENERATION_MAX_ATTEMPTS and GENERATION_MIN/MAX_BACKOFF.
resource "google_cloud_tasks_queue" "generation" {
  name     = "generation"
  location = var.region
  rate_limits {
    max_concurrent_dispatches = 32
    max_dispatches_per_second = 50
  }
  retry_config {
    max_attempts  = 8
    min_backoff   = "1s"
    max_backoff   = "60s"
    max_doublings = 6
  }

  depends_on = [google_project_service.api]
}

# Delayed polls of GoAPI tasks no webhook finished; retried until GENERATION_ASYNC_DEADLINE (20m).
resource "google_cloud_tasks_queue" "generation_poll" {
  name     = "generation-poll"
  location = var.region
  rate_limits {
    max_concurrent_dispatches = 32
    max_dispatches_per_second = 20
  }
  retry_config {
    max_attempts       = -1
    max_retry_duration = "1200s"
    min_backoff        = "10s"
    max_backoff        = "60s"
    max_doublings      = 3
  }

  depends_on = [google_project_service.api]
}

# The batch scheduler: starts each due batch run once; a missed tick is caught up by the next.
resource "google_cloud_scheduler_job" "batches_tick" {
  name             = "batches-tick"
  region           = var.region
  schedule         = "* * * * *"
  time_zone        = "Etc/UTC"
  attempt_deadline = "120s"
  retry_config {
    retry_count = 0
  }
  http_target {
    http_method = "POST"
    uri         = "${google_cloudfunctions2_function.function["scheduler"].url}/batches:tick"
    oidc_token {
      service_account_email = google_service_account.scheduler_invoker.email
      audience              = local.function_urls["scheduler"]
    }
  }
}

# The daily Firestore export into the backup bucket (kept backup_retention_days).
resource "google_cloud_scheduler_job" "backups_export" {
  name             = "backups-export"
  region           = var.region
  schedule         = "30 2 * * *"
  time_zone        = "Etc/UTC"
  attempt_deadline = "300s"
  retry_config {
    retry_count          = 3
    min_backoff_duration = "60s"
  }
  http_target {
    http_method = "POST"
    uri         = "${google_cloudfunctions2_function.function["scheduler"].url}/backups:export"
    oidc_token {
      service_account_email = google_service_account.scheduler_invoker.email
      audience              = local.function_urls["scheduler"]
    }
  }
}
