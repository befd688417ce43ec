# Buckets: media (every blob the functions store), backups (Firestore exports) and the functions' code.

resource "google_storage_bucket" "media" {
  name                        = "${var.project_id}-media"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  # A deleted or replaced blob can be brought back for 30 days, then it is gone.
  versioning {
    enabled = true
  }
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 30
      with_state                 = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }
  # An upload started by POST /api/projects/{id}/media and never finished leaves a raw file behind.
  lifecycle_rule {
    condition {
      age            = 2
      matches_prefix = ["uploads/"]
    }
    action {
      type = "Delete"
    }
  }

  # GcsBlobStore writes each blob under .cc-staging// first and copies it onto its key with its hash;
  # a function that dies in between leaves the staged object, which goes after a day.
  lifecycle_rule {
    condition {
      age            = 1
      matches_prefix = [".cc-staging//"]
    }
    action {
      type = "Delete"
    }
  }

  # The browser PUTs to signed upload addresses and reads media the rules let it read.
  cors {
    origin          = local.web_origins
    method          = ["GET", "HEAD", "PUT"]
    response_header = ["Content-Type", "Content-Length", "ETag"]
    max_age_seconds = 3600
  }

  depends_on = [google_project_service.api]
}

# storage.rules apply to the media bucket once it is linked to Firebase (deploy target "media").
resource "google_firebase_storage_bucket" "media" {
  provider  = google-beta
  project   = var.project_id
  bucket_id = google_storage_bucket.media.name

  depends_on = [google_firebase_project.this]
}

resource "google_storage_bucket" "backups" {
  name                        = "${var.project_id}-backups"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  lifecycle_rule {
    condition {
      age = var.backup_keep_days
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.api]
}

# The zips scripts/package-functions.sh makes; Cloud Build reads them to build each function.
resource "google_storage_bucket" "sources" {
  name                        = "${var.project_id}-function-sources"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  depends_on = [google_project_service.api]
}

resource "google_storage_bucket_object" "source" {
  for_each = local.functions
  # Named by content, so a changed zip makes a new object and Terraform redeploys the function.
  name   = "${each.key}-${filemd5("${var.functions_dist_dir}/${each.value.module}.zip")}.zip"
  bucket = google_storage_bucket.sources.name
  source = "${var.functions_dist_dir}/${each.value.module}.zip"
}
