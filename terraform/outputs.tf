output "api_gateway_url" {
  description = "The API through API Gateway: https://<host>/api/health."
  value       = "https://${google_api_gateway_gateway.api.default_hostname}"
}

output "function_urls" {
  description = "Each function's own address."
  value       = { for name, f in google_cloudfunctions2_function.function : name => f.url }
}

output "hosting_url" {
  description = "Where the web app is served after `firebase deploy --only hosting`."
  value       = local.public_base_url
}

output "media_bucket" {
  description = "The media bucket: the Firebase deploy target for storage.rules."
  value       = google_firebase_storage_bucket.media.bucket_id
}

output "backup_bucket" {
  description = "The bucket the daily Firestore export goes to."
  value       = google_storage_bucket.backups.name
}
