# One Cloud Function (gen2, Java 17) per function class, each with its own service account. The code
# of each comes from <functions_dist_dir>/<module>.zip, made by scripts/package-functions.sh.

locals {
  # access: who may call it. public (anyone: the function checks the Firebase ID token itself),
  # tasks (Cloud Tasks, OIDC as tasks-invoker), scheduler (Cloud Scheduler, OIDC as scheduler-invoker),
  # pubsub (the generation topic, through Eventarc as events-invoker) or storage (the media bucket's
  # finalize event, through Eventarc as events-invoker).
  # secrets: environment variables filled from Secret Manager (secrets.tf); REDIS_URL also routes the
  # function through the VPC connector. The remaining fields are what it may touch: Firestore, the
  # media bucket (none, read, write), the generation topic, the task queues, signing upload
  # addresses, Firebase Auth accounts by e-mail, Firestore exports.
  # concurrency: requests one instance serves at once (above 1 only with a whole vCPU).
  # Only what differs from function_defaults is written for each function.
  function_defaults = {
    memory         = "512Mi"
    timeout        = 60
    max_instances  = 10
    concurrency    = 1
    secrets        = []
    firestore      = true
    media          = "none"
    publishes      = false
    enqueues       = false
    signs          = false
    finds_accounts = false
    exports        = false
  }
  function_specs = {
    health = {
      module      = "health"
      entry_point = "dev.contentcreator.functions.health.HealthFunction"
      access      = "public"
      timeout     = 10
      secrets     = ["REDIS_URL"]
      firestore   = false
    }
    users = {
      module        = "users"
      entry_point   = "dev.contentcreator.functions.users.UsersFunction"
      access        = "public"
      timeout       = 30
      max_instances = 20
      secrets       = ["REDIS_URL"]
    }
    projects = {
      module        = "projects"
      entry_point   = "dev.contentcreator.functions.projects.ProjectsFunction"
      access        = "public"
      timeout       = 30
      max_instances = 20
      secrets       = ["REDIS_URL"]
      # Deleting a project enqueues the first page of its purge; the tasks function runs the rest.
      enqueues = true
    }
    generations = {
      module      = "generations"
      entry_point = "dev.contentcreator.functions.generations.GenerationsFunction"
      access      = "public"
      memory      = "1Gi"
      # Live streams end by themselves after STREAM_MAX_DURATION (50 s), under the 60 s at which
      # Hosting and API Gateway cut an answer, and mostly wait: one instance serves many at once
      # (concurrency above 1 needs a whole vCPU, which every function has). 20 instances x 80.
      timeout       = 120
      max_instances = 20
      concurrency   = 80
      secrets       = ["REDIS_URL", "OPENAI_API_KEY", "GOAPI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY"]
      publishes     = true
      # A cancel that ends a job queues its job.completed webhook event.
      enqueues = true
    }
    contents = {
      module        = "contents"
      entry_point   = "dev.contentcreator.functions.contents.ContentsFunction"
      access        = "public"
      max_instances = 20
      secrets       = ["REDIS_URL"]
      # Serves media; deleting an item enqueues its purge, which the tasks function runs (and deletes media).
      media    = "read"
      enqueues = true
    }
    templates = {
      module      = "templates"
      entry_point = "dev.contentcreator.functions.templates.TemplatesFunction"
      access      = "public"
      timeout     = 30
      # "Try it" accepts a generation job (its provider keys choose the provider) and publishes its event.
      secrets   = ["REDIS_URL", "OPENAI_API_KEY", "GOAPI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY"]
      publishes = true
    }
    invitations = {
      module      = "invitations"
      entry_point = "dev.contentcreator.functions.invitations.InvitationsFunction"
      access      = "public"
      timeout     = 30
      secrets     = ["REDIS_URL"]
      # An invitation queues the e-mail with its accept link; the tasks function sends it.
      enqueues = true
    }
    shares = {
      module      = "shares"
      entry_point = "dev.contentcreator.functions.shares.SharesFunction"
      # Public routes for guests without an account (token-checked); member routes need a token.
      access      = "public"
      timeout     = 30
      secrets     = ["REDIS_URL"]
      # Streams (or signs addresses of) the media of items a link opens.
      media       = "read"
      # A guest's approval queues the content.status_changed webhook event.
      enqueues = true
    }
    hooks = {
      module      = "hooks"
      entry_point = "dev.contentcreator.functions.hooks.HooksFunction"
      access      = "public"
      timeout     = 30
      secrets     = ["REDIS_URL"]
      # Owners' outbound webhooks: a test message and a resend are queued for the tasks function,
      # which sends every webhook message (the only function that calls a receiver).
      enqueues = true
    }
    knowledge = {
      module      = "knowledge"
      entry_point = "dev.contentcreator.functions.knowledge.KnowledgeFunction"
      access      = "public"
      # The offline embedding model runs in the function: it needs the memory, and its first load the time.
      memory      = "1Gi"
      timeout     = 300
      secrets     = ["REDIS_URL"]
      # Large documents are indexed in the background by the tasks function.
      enqueues = true
    }
    publishing = {
      module      = "publishing"
      entry_point = "dev.contentcreator.functions.publishing.PublishingFunction"
      access      = "public"
      timeout     = 60
      secrets     = ["REDIS_URL"]
      # Connections keep their passwords and tokens in Secret Manager (iam.tf: publish-* only); a
      # publication is queued for the tasks function, which makes every call to a publishing target.
      # Testing a connection calls the target from here.
      enqueues = true
    }
    calendar = {
      module      = "calendar"
      entry_point = "dev.contentcreator.functions.calendar.CalendarFunction"
      # The iCalendar feed is public (its secret address is the check); every other route needs a token.
      access      = "public"
      timeout     = 30
      secrets     = ["REDIS_URL"]
    }
    webhooks = {
      module        = "webhooks"
      entry_point   = "dev.contentcreator.functions.webhooks.WebhooksFunction"
      access        = "public"
      memory        = "1Gi"
      timeout       = 120
      max_instances = 20
      secrets       = ["REDIS_URL", "GOAPI_API_KEY", "GOAPI_WEBHOOK_SECRET"]
      media         = "write"
      enqueues      = true
    }
    media = {
      module      = "media"
      entry_point = "dev.contentcreator.functions.media.MediaFunction"
      access      = "public"
      memory      = "2Gi"
      timeout     = 300
      secrets     = ["REDIS_URL"]
      media       = "write"
      signs       = true
      # Background exports are built by a task.
      enqueues    = true
    }
    batches = {
      module      = "batches"
      entry_point = "dev.contentcreator.functions.batches.BatchesFunction"
      access      = "public"
      secrets     = ["REDIS_URL"]
      publishes   = true
    }
    media-finalize = {
      module      = "media"
      entry_point = "dev.contentcreator.functions.media.MediaFinalizeFunction"
      access      = "storage"
      memory      = "2Gi"
      timeout     = 300
      media       = "write"
    }
    tasks = {
      module        = "tasks"
      entry_point   = "dev.contentcreator.functions.tasks.TasksFunction"
      access        = "tasks"
      memory        = "2Gi"
      timeout       = 600
      max_instances = 50
      secrets       = ["REDIS_URL", "OPENAI_API_KEY", "GOAPI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOAPI_WEBHOOK_SECRET", "SMTP_PASSWORD"]
      media         = "write"
      enqueues      = true
    }
    fanout = {
      module      = "fanout"
      entry_point = "dev.contentcreator.functions.fanout.FanoutFunction"
      access      = "pubsub"
      timeout     = 120
      enqueues    = true
    }
    scheduler = {
      module        = "scheduler"
      entry_point   = "dev.contentcreator.functions.scheduler.SchedulerFunction"
      access        = "scheduler"
      timeout       = 300
      max_instances = 2
      publishes     = true
      exports       = true
    }
  }
  functions = { for name, spec in local.function_specs : name => merge(local.function_defaults, spec) }

  # The address each function answers at, known before it exists, so functions can name each other
  # (and the task runner itself) as OIDC audiences without a dependency cycle.
  function_urls = { for name, f in local.functions : name => "https://${var.region}-${var.project_id}.cloudfunctions.net/${name}" }

  # Settings every function gets (the README's configuration table); the rest keep their defaults.
  # DOCUMENTS, BLOBS, EVENTS and TASKS name the production adapters of shared/gcp (the test checks
  # them against its PortFactory classes).
  common_env = {
    GOOGLE_CLOUD_PROJECT = var.project_id
    FIREBASE_PROJECT_ID  = var.project_id
    AUTH_EMULATOR        = "off"
    APP_VERSION          = var.app_version
    DOCUMENTS            = "firestore"
    BLOBS                = "gcs"
    MEDIA_BUCKET         = google_storage_bucket.media.name
    EVENTS               = "pubsub"
    TASKS                = "cloudtasks"
    TASKS_LOCATION       = var.region
    TASKS_TARGET_URL     = local.function_urls["tasks"]
    TASKS_AUDIENCE       = local.function_urls["tasks"]
    TASKS_INVOKER_SA     = google_service_account.tasks_invoker.email
    # Projects' own provider keys, one secret each, named project-<projectId>-<provider> (iam.tf).
    SECRETS              = "secretmanager"
    PUBLIC_BASE_URL      = local.public_base_url
    # Links in e-mails go to the web app; mail goes out through SMTP from the tasks function.
    APP_URL       = local.public_base_url
    MAILER        = "smtp"
    MAIL_FROM     = var.mail_from
    SMTP_HOST     = var.smtp_host
    SMTP_PORT     = tostring(var.smtp_port)
    SMTP_SECURITY = var.smtp_security
    SMTP_USER     = var.smtp_user
    # The item runner fails an item on the queue's last attempt: the same number, from the queue.
    GENERATION_MAX_ATTEMPTS = tostring(google_cloud_tasks_queue.generation.retry_config[0].max_attempts)
    # Redis over TLS: the server's certificate must chain to the instance's CA (network.tf).
    REDIS_CA_CERT = local.redis_ca_certs
    # Firebase Hosting's CDN, or API Gateway, and then the function's own front end each append to
    # X-Forwarded-For: the client is the second entry from the end. A direct call to a function URL
    # is held by the address its front end saw (RATE_LIMIT_PER_PEER); docs/architecture.md.
    TRUSTED_PROXY_HOPS = "2"
    # A quicker cold start for a little peak speed: the C1 compiler only, and the serial collector.
    JAVA_TOOL_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
    # The public functions make their clients beside the server's start and the first token check.
    WARM_START = "true"
  }
  # The Eventarc trigger of each event-driven kind of access.
  event_triggers = {
    storage = {
      event_type   = "google.cloud.storage.object.v1.finalized"
      pubsub_topic = null
      bucket       = google_storage_bucket.media.name
    }
    pubsub = {
      event_type   = "google.cloud.pubsub.topic.v1.messagePublished"
      pubsub_topic = google_pubsub_topic.generation_requests.id
      bucket       = null
    }
  }
  extra_env = {
    scheduler = {
      SCHEDULER_AUDIENCE   = local.function_urls["scheduler"]
      SCHEDULER_INVOKER_SA = google_service_account.scheduler_invoker.email
      BACKUP_BUCKET        = google_storage_bucket.backups.name
    }
  }
}

resource "google_cloudfunctions2_function" "function" {
  for_each = local.functions
  name     = each.key
  location = var.region

  build_config {
    runtime         = "java17"
    entry_point     = each.value.entry_point
    service_account = google_service_account.builder.id
    source {
      storage_source {
        bucket = google_storage_bucket.sources.name
        object = google_storage_bucket_object.source[each.key].name
      }
    }
  }

  service_config {
    service_account_email            = google_service_account.function[each.key].email
    available_memory                 = each.value.memory
    available_cpu                    = "1"
    timeout_seconds                  = each.value.timeout
    min_instance_count               = 0
    max_instance_count               = each.value.max_instances
    max_instance_request_concurrency = each.value.concurrency
    ingress_settings                 = contains(keys(local.event_triggers), each.value.access) ? "ALLOW_INTERNAL_ONLY" : "ALLOW_ALL"
    all_traffic_on_latest_revision   = true
    vpc_connector                    = contains(each.value.secrets, "REDIS_URL") ? google_vpc_access_connector.functions.id : null
    vpc_connector_egress_settings    = contains(each.value.secrets, "REDIS_URL") ? "PRIVATE_RANGES_ONLY" : null
    environment_variables            = merge(local.common_env, try(local.extra_env[each.key], {}))

    dynamic "secret_environment_variables" {
      for_each = [for s in each.value.secrets : s if !contains(local.secrets_off, s)]
      content {
        key        = secret_environment_variables.value
        project_id = var.project_id
        secret     = local.secrets[secret_environment_variables.value].secret_id
        version    = "latest"
      }
    }
  }

  dynamic "event_trigger" {
    for_each = contains(keys(local.event_triggers), each.value.access) ? [local.event_triggers[each.value.access]] : []
    content {
      trigger_region        = var.region
      event_type            = event_trigger.value.event_type
      pubsub_topic          = event_trigger.value.pubsub_topic
      retry_policy          = "RETRY_POLICY_RETRY"
      service_account_email = google_service_account.events_invoker.email
      dynamic "event_filters" {
        for_each = event_trigger.value.bucket == null ? [] : [event_trigger.value.bucket]
        content {
          attribute = "bucket"
          value     = event_filters.value
        }
      }
    }
  }

  depends_on = [
    google_secret_manager_secret_iam_member.function,
    google_secret_manager_secret_version.redis_url,
    google_project_iam_member.storage_events_publisher,
    google_project_iam_member.events_receiver,
  ]
}
