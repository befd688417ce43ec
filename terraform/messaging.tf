# The generation pipeline's plumbing (names from GenerationSettings: TOPIC, QUEUE, POLL_QUEUE) and
# the Cloud Scheduler jobs.

# POST .../generations publishes one event per job here; Eventarc delivers it to the fan-out.
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

# Eventarc makes the push subscription that delivers the topic to the fan-out, and Terraform cannot
# manage a subscription it did not make; so the dead-letter policy is put on it with gcloud, once per
# trigger. Pub/Sub's agent may then pull from it to move messages that failed 5 times.
resource "terraform_data" "fanout_dead_letter" {
  triggers_replace = [google_cloudfunctions2_function.function["fanout"].event_trigger[0].trigger, google_pubsub_topic.generation_requests_dead.id]

  provisioner "local-exec" {
    interpreter = ["bash", "-c"]
    command     = <<-EOT
      set -euo pipefail
      sub="$(gcloud eventarc triggers describe "$TRIGGER" --format='value(transport.pubsub.subscription)')"
      gcloud pubsub subscriptions update "$sub" --dead-letter-topic="$DEAD_TOPIC" --max-delivery-attempts=5 \
        --min-retry-delay=10s --max-retry-delay=600s
      gcloud pubsub subscriptions add-iam-policy-binding "$sub" --member="$PUBSUB_AGENT" --role=roles/pubsub.subscriber
    EOT
    environment = {
      TRIGGER      = google_cloudfunctions2_function.function["fanout"].event_trigger[0].trigger
      DEAD_TOPIC   = google_pubsub_topic.generation_requests_dead.id
      PUBSUB_AGENT = local.pubsub_agent
    }
  }
}

locals {
  queues = {
    generation      = google_cloud_tasks_queue.generation
    generation-poll = google_cloud_tasks_queue.generation_poll
  }
}

# The two task queues are specified once, in GenerationQueues (shared/core), from the default
# settings; the local server configures its queues from the same class, and terraform/test checks
# these values against it. The functions get GENERATION_MAX_ATTEMPTS from max_attempts here
# (functions.tf), so the item runner's last attempt is the queue's.

# One task per item: GENERATION_MAX_ATTEMPTS tries, waiting GENERATION_MIN_BACKOFF doubling
# ITEM_MAX_DOUBLINGS times up to GENERATION_MAX_BACKOFF; GENERATION_CONCURRENCY at once.
resource "google_cloud_tasks_queue" "generation" {
  name     = "generation"
  location = var.region
  rate_limits {
    max_concurrent_dispatches = 32
    max_dispatches_per_second = 50
  }
  retry_config {
    max_attempts  = 11
    min_backoff   = "0.1s"
    max_backoff   = "60s"
    max_doublings = 8
  }

  depends_on = [google_project_service.api]
}

# Delayed polls of GoAPI tasks no webhook finished, every GENERATION_POLL_INTERVAL (10s) up to six of
# them; retried for GENERATION_ASYNC_DEADLINE (20m) and one longest wait more, so the poll that finds
# the deadline passed, and fails the item, always runs.
resource "google_cloud_tasks_queue" "generation_poll" {
  name     = "generation-poll"
  location = var.region
  rate_limits {
    max_concurrent_dispatches = 32
    max_dispatches_per_second = 20
  }
  retry_config {
    max_attempts       = -1
    max_retry_duration = "1260s"
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

# The daily Firestore export into the backup bucket (kept backup_keep_days).
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

# Fans out jobs still queued whose event never came (or was dropped as too old).
resource "google_cloud_scheduler_job" "jobs_sweep" {
  name             = "jobs-sweep"
  region           = var.region
  schedule         = "*/5 * * * *"
  time_zone        = "Etc/UTC"
  attempt_deadline = "120s"
  retry_config {
    retry_count = 0
  }
  http_target {
    http_method = "POST"
    uri         = "${google_cloudfunctions2_function.function["scheduler"].url}/jobs:sweep"
    oidc_token {
      service_account_email = google_service_account.scheduler_invoker.email
      audience              = local.function_urls["scheduler"]
    }
  }
}
