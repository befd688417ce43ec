# Service accounts and least privilege: each function runs as its own account holding only the
# roles its fields in local.functions ask for; the callers of internal functions have accounts of
# their own that may invoke those functions and nothing else.

resource "google_service_account" "function" {
  for_each     = local.functions
  account_id   = "fn-${each.key}"
  display_name = "Content Creator function ${each.key}"

  depends_on = [google_project_service.api]
}

# Cloud Build builds each function from its zip as this account, not the default compute account.
resource "google_service_account" "builder" {
  account_id   = "function-builder"
  display_name = "Content Creator function builds"
}

resource "google_project_iam_member" "builder" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer"])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.builder.email}"
}

resource "google_storage_bucket_iam_member" "builder_sources" {
  bucket = google_storage_bucket.sources.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.builder.email}"
}

# Cloud Tasks calls the task runner with an OIDC token of this account.
resource "google_service_account" "tasks_invoker" {
  account_id   = "tasks-invoker"
  display_name = "Cloud Tasks calling the task runner"
}

# Cloud Scheduler calls the scheduler with an OIDC token of this account.
resource "google_service_account" "scheduler_invoker" {
  account_id   = "scheduler-invoker"
  display_name = "Cloud Scheduler calling the scheduler"
}

# The generation topic's push subscription and the media bucket's Eventarc trigger call as this one.
resource "google_service_account" "events_invoker" {
  account_id   = "events-invoker"
  display_name = "Pub/Sub and Eventarc calling the event functions"
}

locals {
  invokers = {
    tasks     = google_service_account.tasks_invoker.email
    scheduler = google_service_account.scheduler_invoker.email
    pubsub    = google_service_account.events_invoker.email
    storage   = google_service_account.events_invoker.email
  }
  media_roles = { read = "roles/storage.objectViewer", write = "roles/storage.objectUser" }

  uses_firestore  = { for name, f in local.functions : name => f if f.firestore }
  uses_media      = { for name, f in local.functions : name => f if f.media != "none" }
  publishers      = { for name, f in local.functions : name => f if f.publishes }
  enqueuers       = { for name, f in local.functions : name => f if f.enqueues }
  signers         = { for name, f in local.functions : name => f if f.signs }
  account_finders = { for name, f in local.functions : name => f if f.finds_accounts }
  exporters       = { for name, f in local.functions : name => f if f.exports }
  # One enqueuer x one queue per binding.
  queue_access = merge([for name, f in local.enqueuers : {
    for queue in keys(local.queues) : "${name}/${queue}" => { function = name, queue = queue }
  }]...)
  secret_access = merge([for name, f in local.functions : {
    for s in f.secrets : "${name}/${s}" => { function = name, secret = s } if !contains(local.secrets_off, s)
  }]...)
}

# Who may call each function.
resource "google_cloud_run_service_iam_member" "public" {
  for_each = { for name, f in local.functions : name => f if f.access == "public" }
  location = var.region
  service  = google_cloudfunctions2_function.function[each.key].name
  role     = "roles/run.invoker"
  member   = "allUsers"
}

resource "google_cloud_run_service_iam_member" "internal" {
  for_each = { for name, f in local.functions : name => f if f.access != "public" }
  location = var.region
  service  = google_cloudfunctions2_function.function[each.key].name
  role     = "roles/run.invoker"
  member   = "serviceAccount:${local.invokers[each.value.access]}"
}

# What each function may touch.
resource "google_project_iam_member" "firestore" {
  for_each = local.uses_firestore
  project  = var.project_id
  role     = "roles/datastore.user"
  member   = "serviceAccount:${google_service_account.function[each.key].email}"
}

resource "google_storage_bucket_iam_member" "media" {
  for_each = local.uses_media
  bucket   = google_storage_bucket.media.name
  role     = local.media_roles[each.value.media]
  member   = "serviceAccount:${google_service_account.function[each.key].email}"
}

resource "google_pubsub_topic_iam_member" "publisher" {
  for_each = local.publishers
  topic    = google_pubsub_topic.generation_requests.id
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:${google_service_account.function[each.key].email}"
}

resource "google_cloud_tasks_queue_iam_member" "enqueuer" {
  for_each = local.queue_access
  name     = local.queues[each.value.queue].id
  location = var.region
  role     = "roles/cloudtasks.enqueuer"
  member   = "serviceAccount:${google_service_account.function[each.value.function].email}"
}

# Making a task that carries tasks-invoker's OIDC token needs actAs on that account.
resource "google_service_account_iam_member" "enqueuer_acts_as_tasks_invoker" {
  for_each           = local.enqueuers
  service_account_id = google_service_account.tasks_invoker.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.function[each.key].email}"
}

# Signed upload addresses are signed by the function's own account (IAM signBlob).
resource "google_service_account_iam_member" "signer" {
  for_each           = local.signers
  service_account_id = google_service_account.function[each.key].name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "serviceAccount:${google_service_account.function[each.key].email}"
}

# Adding a member by e-mail looks the account up in Firebase Auth.
resource "google_project_iam_member" "account_finder" {
  for_each = local.account_finders
  project  = var.project_id
  role     = "roles/firebaseauth.viewer"
  member   = "serviceAccount:${google_service_account.function[each.key].email}"
}

# The nightly backup starts a Firestore export and nothing else. The predefined role for that,
# roles/datastore.importExportAdmin, also grants import, which would let a compromised scheduler
# overwrite every document with an old or forged export; this role has export only, plus reading
# the database's metadata and the export's operation.
resource "google_project_iam_custom_role" "firestore_exporter" {
  project     = var.project_id
  role_id     = "firestoreExporter"
  title       = "Firestore exporter (no import)"
  description = "Starts managed exports of Firestore and follows their operations; cannot import."
  permissions = [
    "datastore.databases.export",
    "datastore.databases.getMetadata",
    "datastore.operations.get",
    "datastore.operations.list",
  ]
}

resource "google_project_iam_member" "exporter" {
  for_each = local.exporters
  project  = var.project_id
  role     = google_project_iam_custom_role.firestore_exporter.name
  member   = "serviceAccount:${google_service_account.function[each.key].email}"
}

resource "google_secret_manager_secret_iam_member" "function" {
  for_each  = local.secret_access
  secret_id = local.secrets[each.value.secret].id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.function[each.value.function].email}"
}

# Google's own agents. Firestore writes exports into the backup bucket as its service agent.
resource "google_storage_bucket_iam_member" "firestore_exports" {
  bucket = google_storage_bucket.backups.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-firestore.iam.gserviceaccount.com"

  depends_on = [google_firestore_database.default]
}

# storage.rules read memberships from Firestore, as Firebase Storage's service agent.
resource "google_project_iam_member" "storage_rules_read_firestore" {
  project = var.project_id
  role    = "roles/firebaserules.firestoreServiceAgent"
  member  = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-firebasestorage.iam.gserviceaccount.com"

  depends_on = [google_firebase_storage_bucket.media]
}

# Cloud Storage announces finished uploads through Pub/Sub, for the Eventarc trigger of media-finalize.
data "google_storage_project_service_account" "gcs" {
  depends_on = [google_project_service.api]
}

resource "google_project_iam_member" "storage_events_publisher" {
  project = var.project_id
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${data.google_storage_project_service_account.gcs.email_address}"
}

resource "google_project_iam_member" "events_receiver" {
  project = var.project_id
  role    = "roles/eventarc.eventReceiver"
  member  = "serviceAccount:${google_service_account.events_invoker.email}"
}

# Pub/Sub mints the OIDC token of Eventarc's push subscription for events-invoker, and moves messages
# that keep failing to the dead-letter topic (see terraform_data.fanout_dead_letter).
resource "google_service_account_iam_member" "pubsub_mints_events_token" {
  service_account_id = google_service_account.events_invoker.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_agent
}

resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  topic  = google_pubsub_topic.generation_requests_dead.id
  role   = "roles/pubsub.publisher"
  member = local.pubsub_agent
}

locals {
  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

# Projects' own provider keys (SECRETS=secretmanager): the projects function keeps them (its owners
# set and remove them), the tasks function reads them for the items it makes. Both only for the
# secrets named project-*, never the server's own keys.
resource "google_project_iam_member" "project_keys_keeper" {
  project = var.project_id
  role    = "roles/secretmanager.admin"
  member  = "serviceAccount:${google_service_account.function["projects"].email}"
  condition {
    title      = "projects-own-keys-only"
    expression = "resource.name.startsWith(\"projects/${data.google_project.this.number}/secrets/project-\")"
  }
}

resource "google_project_iam_member" "project_keys_reader" {
  project = var.project_id
  role    = "roles/secretmanager.secretAccessor"
  member  = "serviceAccount:${google_service_account.function["tasks"].email}"
  condition {
    title      = "projects-own-keys-only"
    expression = "resource.name.startsWith(\"projects/${data.google_project.this.number}/secrets/project-\")"
  }
}

# Publishing connections' passwords and tokens (SECRETS=secretmanager), named publish-<connection>:
# the publishing function keeps them (owners make and delete connections), the projects function
# forgets them with a deleted project, and the tasks function reads them to publish.
resource "google_project_iam_member" "publish_secrets_keeper" {
  for_each = toset(["publishing", "projects"])
  project  = var.project_id
  role     = "roles/secretmanager.admin"
  member   = "serviceAccount:${google_service_account.function[each.key].email}"
  condition {
    title      = "publishing-secrets-only"
    expression = "resource.name.startsWith(\"projects/${data.google_project.this.number}/secrets/publish-\")"
  }
}

resource "google_project_iam_member" "publish_secrets_reader" {
  project = var.project_id
  role    = "roles/secretmanager.secretAccessor"
  member  = "serviceAccount:${google_service_account.function["tasks"].email}"
  condition {
    title      = "publishing-secrets-only"
    expression = "resource.name.startsWith(\"projects/${data.google_project.this.number}/secrets/publish-\")"
  }
}
