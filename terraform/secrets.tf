# Provider keys. Terraform makes the secrets; their values are added with gcloud (README, "Deploy
# to Google Cloud"), so no key is ever in Terraform's state. A provider turned off (openai_enabled,
# goapi_enabled, anthropic_enabled, gemini_enabled) is not wired into any function; with neither, the functions use the offline demo
# provider, which says so.

resource "google_secret_manager_secret" "openai_api_key" {
  secret_id = "openai-api-key"
  replication {
    auto {}
  }

  depends_on = [google_project_service.api]
}

resource "google_secret_manager_secret" "goapi_api_key" {
  secret_id = "goapi-api-key"
  replication {
    auto {}
  }

  depends_on = [google_project_service.api]
}

resource "google_secret_manager_secret" "anthropic_api_key" {
  secret_id = "anthropic-api-key"
  replication {
    auto {}
  }

  depends_on = [google_project_service.api]
}

resource "google_secret_manager_secret" "gemini_api_key" {
  secret_id = "gemini-api-key"
  replication {
    auto {}
  }

  depends_on = [google_project_service.api]
}

resource "google_secret_manager_secret" "goapi_webhook_secret" {
  secret_id = "goapi-webhook-secret"
  replication {
    auto {}
  }

  depends_on = [google_project_service.api]
}

resource "google_secret_manager_secret" "smtp_password" {
  secret_id = "smtp-password"
  replication {
    auto {}
  }

  depends_on = [google_project_service.api]
}

locals {
  # Environment variable -> the secret that fills it. A function lists the variables it needs.
  secrets = {
    REDIS_URL            = google_secret_manager_secret.redis_url
    OPENAI_API_KEY       = google_secret_manager_secret.openai_api_key
    GOAPI_API_KEY        = google_secret_manager_secret.goapi_api_key
    ANTHROPIC_API_KEY    = google_secret_manager_secret.anthropic_api_key
    GEMINI_API_KEY       = google_secret_manager_secret.gemini_api_key
    GOAPI_WEBHOOK_SECRET = google_secret_manager_secret.goapi_webhook_secret
    SMTP_PASSWORD        = google_secret_manager_secret.smtp_password
  }
  # A secret with no value would stop every function that reads it from starting.
  secrets_off = concat(var.openai_enabled ? [] : ["OPENAI_API_KEY"],
    var.goapi_enabled ? [] : ["GOAPI_API_KEY", "GOAPI_WEBHOOK_SECRET"],
    var.anthropic_enabled ? [] : ["ANTHROPIC_API_KEY"], var.gemini_enabled ? [] : ["GEMINI_API_KEY"],
  var.smtp_user == "" ? ["SMTP_PASSWORD"] : [])
}
