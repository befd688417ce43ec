# The project itself: the APIs every other resource needs, and Firebase added to it.

data "google_project" "this" {
  project_id = var.project_id
}

locals {
  apis = toset([
    "apigateway.googleapis.com",
    "artifactregistry.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "cloudscheduler.googleapis.com",
    "cloudtasks.googleapis.com",
    "compute.googleapis.com",
    "eventarc.googleapis.com",
    "firebase.googleapis.com",
    "firebaserules.googleapis.com",
    "firebasestorage.googleapis.com",
    "firestore.googleapis.com",
    "iam.googleapis.com",
    "iamcredentials.googleapis.com",
    "identitytoolkit.googleapis.com",
    "pubsub.googleapis.com",
    "redis.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "servicecontrol.googleapis.com",
    "servicemanagement.googleapis.com",
    "storage.googleapis.com",
    "vpcaccess.googleapis.com",
  ])
  public_base_url = var.public_base_url != "" ? var.public_base_url : "https://${var.project_id}.web.app"
  # Where the web app is served from: the origins allowed to PUT to signed upload addresses.
  web_origins = distinct([local.public_base_url, "https://${var.project_id}.web.app", "https://${var.project_id}.firebaseapp.com"])
}

resource "google_project_service" "api" {
  for_each           = local.apis
  service            = each.value
  disable_on_destroy = false
}

resource "google_firebase_project" "this" {
  provider   = google-beta
  project    = var.project_id
  depends_on = [google_project_service.api]
}
