// Generated from docs/openapi.yaml by `npm run api-types -w hosting` (openapi-typescript); do not edit.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the service is up */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person's record (made on first sight) */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the caller's display name or photo (null removes it), or which notifications are e-mailed */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications, newest first */
        get: operations["listMyNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of the caller's notifications are unread (exact up to 99) */
        get: operations["countMyUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/{notificationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notificationId: components["parameters"]["NotificationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Mark one of the caller's notifications read or unread
         * @description Anyone else's notification answers 404, as one that does not exist.
         */
        patch: operations["markMyNotification"];
        trace?: never;
    };
    "/api/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every unread notification of the caller read */
        post: operations["markAllMyNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's API keys, newest first, with their last use; never a secret
         * @description Revoked and expired keys are listed too, with their status. Needs the person's own ID token: a request signed with an API key answers 403 (a key cannot manage keys).
         */
        get: operations["listMyApiKeys"];
        put?: never;
        /**
         * Make an API key for one project or all of the caller's; the key is shown only in this answer
         * @description A key for one project has a role no higher than the caller's there (403 otherwise; 404 for a project the caller is not a member of). A key for all projects may have any role: in each project it acts with the lower of its role and the caller's role there at the time of the request. The expiry is `expiresAt` or `ttlDays` from now (not both), 1 hour to 365 days; 90 days when neither is given. At most 25 keys in use per person (409). The token is checked with Firebase Auth on the spot; a request signed with an API key answers 403.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the caller's API keys at once (as the revoke action); it stays listed as revoked */
        delete: operations["deleteApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/keys/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke one of the caller's API keys at once; the next request signed with it answers 401
         * @description Another person's key answers 404, as one that does not exist. Revoking again changes nothing.
         */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The development outbox's e-mail, newest first (MAILER=outbox only)
         * @description Only while the server sends mail into its folder outbox (MAILER=outbox, the one-machine default); with any other mailer, as in production, it answers 404. With the Auth emulator every message is listed (anyone may sign in as anyone there); with real sign-in, only the messages to the caller's own address.
         */
        get: operations["listDevOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's projects, newest first */
        get: operations["listProjects"];
        put?: never;
        /** Create a project; the caller becomes its owner */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** A project (viewers and up), with what it has used this month */
        get: operations["getProject"];
        put?: never;
        post?: never;
        /**
         * Delete a project and everything that belongs to it (owners)
         * @description The project answers 404 for everyone at once; its contents and versions, batches and runs, templates, jobs and items, uploads, idempotency records and media are then purged in the background, in pages, resuming after a restart. Usage history stays.
         */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        /** Rename, describe, archive or restore a project (editors and owners) */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/api/projects/{projectId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The project's members, in the order they joined (viewers and up) */
        get: operations["listMembers"];
        put?: never;
        /**
         * Invite an e-mail address to the project with a role (owners); nobody joins until they accept
         * @description Makes (or renews, for an address already invited) a pending invitation. The answer is the same whether or not an account uses the address, and never names an account. The person joins by accepting it (POST /api/invitations/{invitationId}/accept) while signed in with that address, verified. The accept link is e-mailed to the address (queued, so the answer never waits for the mail server), the invitee also sees the invitation in the app once signed in with the verified address, and the owner can pass on the link themselves (acceptPath, shown only in this answer and the resend answer). Adding by uid is no longer offered.
         */
        post: operations["addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/members/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                uid: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (owners), or leave (anyone, with their own uid); the last owner cannot */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role, whether they are a reviewer, or both (owners; the last owner cannot step down)
         * @description A reviewer may approve content or ask for changes whatever their role (a viewer too: someone who only reads and signs off). Give role, reviewer or both; each change is recorded in the project's activity log.
         */
        patch: operations["changeMemberRole"];
        trace?: never;
    };
    "/api/projects/{projectId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The project's unanswered invitations, oldest first, expired ones included (owners) */
        get: operations["listProjectInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/invitations/{invitationId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an unanswered invitation (owners); its link stops working */
        post: operations["revokeInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give an unanswered (or expired) invitation a new expiry and a new link (owners); the old link stops working */
        post: operations["resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pending invitations to the caller's verified e-mail address, oldest first */
        get: operations["listMyInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{invitationId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join the project with the invitation's role, signed in with the invited address, verified
         * @description Anyone signed in with another address gets 404, as for an invitation that does not exist, even holding the link. The body may be empty; when it gives the link's token, it must be the current one (a resent invitation's old link answers 404).
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{invitationId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Say no to an invitation (the same people may as may accept it) */
        post: operations["declineInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/generations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for content (editors and owners); answers 202 with the queued job
         * @description One job of `count` items. Give a `prompt`, or a `templateId` with `variables`. Without
         *     `model` or `provider`, text goes to OpenAI when configured, else to the offline demo. A repeated
         *     Idempotency-Key answers the first job (header `Idempotent-Replayed: true`); the same key with
         *     another body is a 422. Identical requests are served from the cache unless `fresh` is true.
         *     The job's worst-case cost is held against the project's monthly budget and the caller's cap
         *     in the transaction that accepts it: 409 (type /problems/budget-exceeded) when it would pass
         *     one, naming which and how much is left; past 80% of one the answer carries `budgetWarning`.
         */
        post: operations["createGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/generations/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        /** A job and the state of each item (viewers and up) */
        get: operations["getGeneration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/generations/{jobId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        /**
         * The job live, as server-sent events, one bounded stream at a time
         * @description Events: `job` (the whole job, first and on each change), `delta` ({index, text} as text streams),
         *     `reset` ({index}: a new attempt of the item starts its text again; drop what it streamed so far),
         *     `item` ({index, status, contentId | failureReason}), `progress` ({index, percent}), and `end`
         *     (the job as it ended; the stream closes after it). The data of `job` and `end` is a `Job`; that of
         *     the others, which also carries the event's name as `type`, is a `JobDeltaEvent`, `JobResetEvent`,
         *     `JobItemEvent` or `JobProgressEvent`.
         *
         *     A stream lasts at most `STREAM_MAX_DURATION` (50 s by default, under the 60 s at which Firebase
         *     Hosting and API Gateway cut an answer). It starts with a `retry:` line (the reconnect delay in ms)
         *     and, when it closes before `end`, ends with another: the client opens the next stream with the
         *     id of the last event it received as `Last-Event-ID` (EventSource does so by itself) and gets
         *     exactly what came after that event: no streamed text is repeated or lost.
         *
         *     Every event has an `id:`: how far each item's text has been read, as `v1` followed by
         *     `~<index>.<epoch>.<offset>` per item with streamed text (`v1~0.k3x9a2.120~3.p0q1z8.45`); the epoch
         *     names one attempt's text, the offset counts UTF-16 code units. Treat it as opaque.
         *
         *     One person may hold `STREAM_MAX_PER_PERSON` streams open at once (6 by default); one more is
         *     refused with 429 and Retry-After. A comment line (`: still working`) keeps a quiet stream open.
         */
        get: operations["followGeneration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/generations/{jobId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job; its queued items end as cancelled (editors and owners) */
        post: operations["cancelGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/media": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image or video, or import one from an https address (editors and owners)
         * @description The body is the file itself, whatever Content-Type says (its type is read from its bytes:
         *     PNG, JPEG, WebP, GIF, MP4, WebM), with an optional `title` query parameter; or JSON
         *     `{"url": "https://...", "title": "..."}` to import from a host on the allowlist; or JSON
         *     `{"byteSize": n, "contentType": "...", "title": "..."}` to ask where to send a file: where the
         *     blob store signs addresses (Cloud Storage) the answer is a signed PUT address, and the file
         *     becomes content when its upload finishes (follow `statusUrl`); on one machine it is this route. Images are
         *     stored without their metadata (EXIF, GPS), turned upright, with 256 and 1024 px thumbnails and
         *     a web version; a video gets its duration and, for H.264 MP4, a poster. The same bytes are
         *     stored once per project.
         */
        post: operations["addMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/media/archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The project's images and videos, as one ZIP (viewers and up)
         * @description The current version of each image, then of each video, newest first, numbered in that order and named from the item's title in ASCII (0001-a-poster-for-tea.png), so no name can leave the folder it is unpacked in; at most 5,000 (more.txt says so when there are more). Images already compressed and videos are stored as they are, others deflated. Written as the files are read; a file gone from storage is left out and named in missing.txt.
         */
        get: operations["exportProjectMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The project's background exports, newest first; those past their time are deleted as they are listed (viewers and up) */
        get: operations["listExports"];
        put?: never;
        /**
         * Build a large export in the background (viewers and up)
         * @description A run's file (what run, with batchId, runId and a format of csv, jsonl or zip for its media) or the project's gallery as one ZIP (what media) is written by a task into storage; follow the answer at Location until its status is ready, then download it from downloadUrl. The same checks as the direct downloads are made now (role, the run being the batch's, the format). A built file is kept for EXPORT_KEEP (24 h) and then deleted; a project keeps at most 50 at once (409 past that). The web app builds a run's file this way when the run has more rows than EXPORT_BACKGROUND_ROWS, and always for the gallery.
         */
        post: operations["startExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/exports/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                exportId: string;
            };
            cookie?: never;
        };
        /** One background export, with a fresh signed download link once ready (viewers and up) */
        get: operations["getExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/downloads/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                exportId: string;
            };
            cookie?: never;
        };
        /**
         * The file of a background export, through the signed link its record gave (no sign-in)
         * @description On one machine the link a ready export gives; on Google Cloud the link is Cloud Storage's own V4 signed URL instead. The signature is an HMAC-SHA256 of the export's id and the link's expiry under a key of that export's own, compared in constant time. A changed signature or expiry, or an expiry past, is 403; an export that is unknown, not ready or deleted is 404.
         */
        get: operations["downloadExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/media/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                uploadId: string;
            };
            cookie?: never;
        };
        /** An upload's state - pending, processing, done (with contentId) or failed (with failureReason) */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The project's content items, newest first (viewers and up) */
        get: operations["listContents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        /** A content item with its current version */
        get: operations["getContent"];
        put?: never;
        post?: never;
        /**
         * Delete a content item, its versions and their media (editors and owners)
         * @description The item answers 404 at once; all its versions, however many, and the media no other version uses are purged in the background, in pages.
         */
        delete: operations["deleteContent"];
        options?: never;
        head?: never;
        /** Rename, edit the text (a new version) or restore a version (a new version with its body) */
        patch: operations["updateContent"];
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/live": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        /**
         * What changes on a content item, and who else views it, as server-sent events (viewers and up)
         * @description Events: `presence` (`{"viewers": [{"uid", "name"}]}`: everyone viewing the item now, the caller
         *     included; first, and whenever it changes) and `change` (`{"what": [...]}`, any of `item`,
         *     `versions`, `comments` and `review`: read those again). Changes that come together are sent as
         *     one event. A stream counts as the caller's presence while it is open; a viewer whose stream
         *     stopped without closing drops out within 45 s.
         *
         *     Like a job's stream, one lasts at most `STREAM_MAX_DURATION`, starts with a `retry:` line, is
         *     kept open by comment lines, and counts toward `STREAM_MAX_PER_PERSON` (429 with Retry-After
         *     beyond it). Nothing is replayed: after a reconnect, read the item again. On one machine the
         *     news comes from the server's own writes; on Google Cloud from Firestore's listeners, so writes
         *     made by any instance are seen.
         */
        get: operations["followContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/brand/draft": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draft a brand voice style guide from sample texts (editors and owners)
         * @description The project's text provider (the demo when none is set) writes a style guide from 1 to 10
         *     samples (each at most 5000 characters, 15000 in all). Nothing is stored: the person edits
         *     the guide and saves it as the voice's systemPrompt with PATCH /api/projects/{projectId}.
         *     503 while the provider is failing, 502 when it refused.
         */
        post: operations["draftBrandVoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/fix": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a text again with its brand rule findings as instructions (editors and owners)
         * @description A regeneration (one new version of the item, answered like POST .../generations) of the
         *     prompt that made the current version, followed by its findings as instructions; a text
         *     no job made is asked to be rewritten. 409 when the current version has no findings or the
         *     item is media. Without Idempotency-Key the current version is the key: asking again to fix
         *     the same version answers the same job.
         */
        post: operations["fixContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        /** Every version of a content item, oldest first */
        get: operations["listContentVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/export": {
        parameters: {
            query?: {
                /** @description The version to export (the current one when not given). */
                version?: number;
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        /**
         * A content item as a Markdown, HTML, Word or PDF file in the project's export style (viewers and up)
         * @description The title as the top heading, then a text's Markdown (raw HTML in it is escaped, never run), an image embedded, or for a video a line naming it with its poster. HTML is one page with the style as inline CSS and images as data: addresses; it loads nothing and forbids scripts. DOCX and PDF carry the style's fonts, accent colour, logo (top of the page) and footer line; PDF embeds its fonts, and a character no font on the server has is written as ?. Markdown carries the footer line only. Streamed as an attachment named from the title in ASCII and the version number, never cached or sniffed.
         */
        get: operations["exportContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/export-style": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** How the project's exported documents look (viewers and up; the defaults until an owner changes them) */
        get: operations["getExportStyle"];
        /** Replace how the project's exported documents look (owners); a field left out takes its default */
        put: operations["putExportStyle"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/media": {
        parameters: {
            query?: {
                version?: number;
                rendition?: "thumb-256" | "thumb-1024" | "poster";
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        /**
         * The image or video of a version (the current one by default), or one of its renditions
         * @description Cached privately for a day (a version's media never changes); answers 304 to a matching If-None-Match. Where the blob store signs addresses (Cloud Storage), answers 302 to a 15-minute signed address instead.
         */
        get: operations["getContentMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        /**
         * The item's comment threads, oldest first, paged by thread, each with its replies (members)
         * @description Text anchors are given as they fall in `version` (default: the current version): a thread written on another version has its quote found again there (the occurrence nearest its old offsets), or its anchor marked `detached` when the passage is gone.
         */
        get: operations["listCommentThreads"];
        put?: never;
        /**
         * Comment on the item (any member, viewers too), or reply to a thread
         * @description A new thread is written on `version` (default: the current one) and may be anchored to a passage of a text (the quote must be the version's text at start..end, else 422) or a point of an image. A reply (`parentId`) joins its thread, one level deep, and has no anchor. `mentions` keeps only uids of the project's members; others are dropped without error. Mentioned members, the others in the thread (for a reply) and the item's creator (for a new thread) are notified; mentions and replies are also e-mailed. With an Idempotency-Key, a repeated post answers 200 with the first comment and makes no second.
         */
        post: operations["postComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/comments/{commentId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
                commentId: components["parameters"]["CommentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete one's own comment (owners may delete anyone's)
         * @description A reply disappears; a thread's first comment with replies stays as a placeholder (deleted, without body or author) until its last reply is deleted.
         */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        /** Change the body (and mentions) of one's own comment; newly mentioned members are notified */
        patch: operations["editComment"];
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/comments/{commentId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
                commentId: components["parameters"]["CommentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a thread, by its first comment (any member); resolving a resolved thread changes nothing */
        post: operations["resolveCommentThread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/comments/{commentId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
                commentId: components["parameters"]["CommentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a resolved thread, by its first comment (any member) */
        post: operations["reopenCommentThread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a content item to another review state, with an optional note
         * @description Editors and owners submit (draft or changes_requested to in_review) and take an item back to draft (from in_review, changes_requested or approved); owners and named reviewers approve or ask for changes (in_review to approved or changes_requested). 403 for a member who may not make the move, 409 for a move this state does not allow (or to the state the item is in). Each change is kept in the item's review history and the project's activity log. A new version of an approved item (edit, restore, regeneration) sends it back to draft on its own.
         */
        post: operations["reviewContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        /** A content item's review history, newest first (viewers and up) */
        get: operations["listContentReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The project's activity log, newest first (viewers and up)
         * @description One record per thing someone did in the project. Records outlive what they are about (a deleted content item's records stay) and go only with the project.
         */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/brandkits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The project's brand kits, the default first (members)
         * @description A project from before kits gets its default kit ("Default", from its brand voice) the first time its kits are read or changed. The project's brandVoice is always its default kit's voice.
         */
        get: operations["listBrandKits"];
        put?: never;
        /**
         * Make a brand kit (editors and owners)
         * @description A name and a voice with its rules and image style (bad rules answer 400 field by field, voice.<field>); isDefault true makes it the default (and the project's voice). At most 20 kits a project (409).
         */
        post: operations["createBrandKit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/brandkits/{kitId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                kitId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a brand kit that is not the default (editors and owners)
         * @description 409 for the default kit. Jobs that wrote in a removed kit keep their findings.
         */
        delete: operations["deleteBrandKit"];
        options?: never;
        head?: never;
        /**
         * Rename a brand kit, replace its voice, or make it the default (editors and owners)
         * @description isDefault may only be true: a default stays one until another kit is made the default. Changing the default kit's voice changes the project's brandVoice too. Takes If-Match.
         */
        patch: operations["updateBrandKit"];
        trace?: never;
    };
    "/api/projects/{projectId}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * This month's budget, spent, held and remaining of the project and its members (members)
         * @description Every member may look: the owners see each member's line, the others their own. Amounts are millionths of a dollar; 0 is no limit (and a line without a limit has no remainingMicros).
         */
        get: operations["getBudget"];
        /**
         * Set the project's monthly budget and the cap per member (owners)
         * @description Each field given replaces the stored one; memberCaps (uid to cap) replaces every member's own cap, which takes the place of memberCapMicros for that member. 0 is no limit. A cap for someone who is not a member is a 422. Takes If-Match.
         */
        put: operations["setBudget"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a generation or a batch run would cost and leave of the budgets, before it starts (editors and owners)
         * @description The body is a generation's (as POST .../generations, without Idempotency-Key), or
         *     `batchId` alone for a run of that batch started now. The forecast is what accepting it would
         *     hold: items x the most each may cost at the model's price (a text's prompt, four characters a
         *     token, at the input price plus its output cap at the output price; an image, a second of
         *     video or a task at its price); each item is then charged what it really used. Nothing is
         *     stored. The same 4xx as the generation for a request it would refuse.
         */
        post: operations["forecastCost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/providers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The providers that take a project's own API key, and whether it has one (owners)
         * @description A project's own key for a provider is used for its items before the server's key. The key itself is never returned: only whether one is set and its last four characters.
         */
        get: operations["listProviderKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/providers/{provider}/key": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                provider: "anthropic" | "gemini" | "openai";
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Set or replace the project's own API key for a provider (owners)
         * @description Kept encrypted (Secret Manager in production, an AES-GCM key file on one machine) and used for the project's items with that provider before the server's key. The answer never holds the key. Recorded in the activity log with its last four characters.
         */
        put: operations["setProviderKey"];
        post?: never;
        /** Remove the project's own API key for a provider (owners); its items use the server's again */
        delete: operations["removeProviderKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/activity.csv": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The project's activity log as CSV, newest first, with the list's filters (owners)
         * @description RFC 4180 (CRLF, quoted where needed); a cell that a spreadsheet would run as a formula (starting with =, +, -, @) starts with an apostrophe. Columns: at, actor_uid, actor_name, action, target_type, target_id, target_title, content_id, details (key=value; ...). Written as it is read, page by page, however long the log.
         */
        get: operations["exportActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The built-in templates, your library and the project's, each with its scope (viewers) */
        get: operations["listProjectTemplates"];
        put?: never;
        /**
         * Add a template to the project (editors and owners)
         * @description The body's syntax is that of createTemplate.
         */
        post: operations["createProjectTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/import": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import templates from an export document into the project (all or nothing)
         * @description Reads a document of the template export format (format content-creator.templates, version 1, 1 to 50 templates), checks every template in full and adds them all, each as version 1, in one write; any fault is a 400 naming each field at fault and nothing is added.
         */
        post: operations["projectImportTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/export": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** Every template of the project as one export document */
        get: operations["projectExportTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** One template: a built-in one, one of your library, or (under a project) the project's */
        get: operations["projectGetTemplate"];
        put?: never;
        post?: never;
        /**
         * Delete a template
         * @description It leaves every list and route at once. Batches already made from it keep running it (it is kept as a tombstone); a new generation or batch cannot pick it.
         */
        delete: operations["projectDeleteTemplate"];
        options?: never;
        head?: never;
        /**
         * Save a new version of a template (its name, kind, body or variables)
         * @description basedOn is the version the change was made from: when the template has moved on since, the answer is 409 and nothing is saved. Built-in templates are read-only (403); a project's need the editor role; a personal one is its owner's alone.
         */
        patch: operations["projectUpdateTemplate"];
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a template (built-in ones too) into your library or this project
         * @description to is personal (the default outside a project) or project (the default under one; editors and owners). The copy starts at version 1.
         */
        post: operations["projectDuplicateTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** Every saved version of a template, newest first */
        get: operations["projectListTemplateVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
                version: components["parameters"]["TemplateVersionNumber"];
            };
            cookie?: never;
        };
        /** One saved version of a template */
        get: operations["projectGetTemplateVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
                version: components["parameters"]["TemplateVersionNumber"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save what an old version held as a new version
         * @description The old version is copied, not rewound to: history keeps every version. basedOn as for a change (409 when stale).
         */
        post: operations["projectRestoreTemplateVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** What changed between two versions: the body line by line, and the variables */
        get: operations["projectDiffTemplateVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The prompt a template makes with these values; no provider is called
         * @description A value at fault is a 400 naming values.<name>.
         */
        post: operations["projectPreviewTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** One template as an export document */
        get: operations["projectExportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/templates/{templateId}/try": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try a template on 1 to 3 rows of values: a real small job, one item per row (editors and owners)
         * @description Goes through the usual pipeline: reserved against and counted in the month's usage, queued, run by the provider the project would use (the offline demo without keys). More than 3 rows is a 400 (run more as a batch); a value at fault is a 400 naming rows[i].<name>. A repeated Idempotency-Key answers the first job.
         */
        post: operations["tryTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The built-in templates and your library, and with projectId that project's too */
        get: operations["listTemplates"];
        put?: never;
        /**
         * Add a template to your library (or, with projectId, to that project: editors and owners)
         * @description The body holds {{name}} placeholders: a name is a letter then letters, digits or _ (at most 40); spaces inside the braces are allowed; \{{ is a literal {{. A placeholder naming no declared variable, or any other {{, is a 400. At most 20 placeholders (each occurrence counts).
         */
        post: operations["createTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What is scheduled and what ran in a window, across every project of the caller
         * @description Entries of every project the caller is a member of (any role), from every source: each scheduled batch's due times still to come (status scheduled, paused, or due: a once-time just passed that the scheduler is about to start) and the runs due in the window with their status. An entry is draggable when the caller is an editor or owner of its project and it can be moved (a batch that runs once; one occurrence of a repeating batch cannot). The window is at most 62 days (400 otherwise). An API key for one project is refused here (403): it reads /api/projects/{projectId}/calendar. At most 2000 entries (truncated says when there were more). A project whose entries cannot be read this time is left out and named in unavailable; the rest of the calendar still answers.
         */
        get: operations["getCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the caller has a private iCalendar feed, and since when (never its address)
         * @description API keys cannot manage feeds (403).
         */
        get: operations["getCalendarFeed"];
        put?: never;
        /**
         * Make the caller's private iCalendar feed address, replacing any earlier one
         * @description The answer carries the address (and its token) this once; only a hash of the token is stored. An earlier address of the caller stops working at once. API keys cannot manage feeds (403). It takes no body (an empty JSON object is accepted).
         */
        post: operations["createCalendarFeed"];
        /**
         * End the caller's feed at once (nothing to end is not an error)
         * @description API keys cannot manage feeds (403).
         */
        delete: operations["revokeCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/feed/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The feed's token, with or without a trailing .ics. */
                token: string;
            };
            cookie?: never;
        };
        /**
         * The private iCalendar (RFC 5545) feed of a person's calendar, for calendar applications
         * @description Without an account: the address is the secret. The person's entries from 28 days before now to 62 days after, as computed now from the projects they are a member of now (a project they left is gone from it; one whose entries cannot be read this time is left out). Each entry is one VEVENT (UID, DTSTAMP, DTSTART and DTEND in UTC, SUMMARY, DESCRIPTION, URL). An unknown, revoked or malformed token answers 404; the token never reaches the logs, and the answer carries X-Robots-Tag noindex. Limited per address (CALENDAR_FEED_LIMIT_PER_IP).
         */
        get: operations["readCalendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The documents of the project's brand knowledge, newest first, with status and passage counts (members)
         * @description People outside the project get 404.
         */
        get: operations["listKnowledge"];
        put?: never;
        /**
         * Add a document to the project's brand knowledge (editors and owners)
         * @description Either the file itself as the body, named by ?name= (PDF, Markdown, plain UTF-8 text or HTML, told from the bytes whatever Content-Type says; at most KNOWLEDGE_MAX_UPLOAD_BYTES), or JSON {"url": ...} for a web page, fetched through the safe fetcher (https; loopback, private, link-local and metadata addresses are refused with 422, as is a page that cannot be fetched). The text is split into passages by headings and paragraphs (about 500 tokens each, overlapping by about 50) and embedded. A document of up to KNOWLEDGE_INLINE_PASSAGES passages is indexed before the answer (201, status ready or failed); a larger one is queued (202, status queued) and indexed in the background.
         */
        post: operations["addKnowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/knowledge/search": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The passages of the project's brand knowledge nearest in meaning to q (members)
         * @description Scores are cosine similarity (1 is the same direction). People outside the project get 404.
         */
        get: operations["searchKnowledge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/knowledge/{docId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                docId: string;
            };
            cookie?: never;
        };
        /** One document of the project's brand knowledge (members) */
        get: operations["getKnowledge"];
        put?: never;
        post?: never;
        /** Remove a document, its passages and their vectors (editors and owners) */
        delete: operations["deleteKnowledge"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The prompt an unsaved template makes with sample values: the editor's live preview
         * @description name and kind may be left out. The draft is checked as a save would check it, then the values as a generation would; faults are a 400 naming each field.
         */
        post: operations["previewTemplateDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import templates from an export document into your library (all or nothing)
         * @description Reads a document of the template export format (format content-creator.templates, version 1, 1 to 50 templates), checks every template in full and adds them all, each as version 1, in one write; any fault is a 400 naming each field at fault and nothing is added.
         */
        post: operations["libraryImportTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every template of your library as one export document */
        get: operations["libraryExportTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** One template: a built-in one, one of your library, or (under a project) the project's */
        get: operations["libraryGetTemplate"];
        put?: never;
        post?: never;
        /**
         * Delete a template
         * @description It leaves every list and route at once. Batches already made from it keep running it (it is kept as a tombstone); a new generation or batch cannot pick it.
         */
        delete: operations["libraryDeleteTemplate"];
        options?: never;
        head?: never;
        /**
         * Save a new version of a template (its name, kind, body or variables)
         * @description basedOn is the version the change was made from: when the template has moved on since, the answer is 409 and nothing is saved. Built-in templates are read-only (403); a project's need the editor role; a personal one is its owner's alone.
         */
        patch: operations["libraryUpdateTemplate"];
        trace?: never;
    };
    "/api/templates/{templateId}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Copy a template (built-in ones too) into your library or this project
         * @description to is personal (the default outside a project) or project (the default under one; editors and owners). The copy starts at version 1.
         */
        post: operations["libraryDuplicateTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** Every saved version of a template, newest first */
        get: operations["libraryListTemplateVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
                version: components["parameters"]["TemplateVersionNumber"];
            };
            cookie?: never;
        };
        /** One saved version of a template */
        get: operations["libraryGetTemplateVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
                version: components["parameters"]["TemplateVersionNumber"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save what an old version held as a new version
         * @description The old version is copied, not rewound to: history keeps every version. basedOn as for a change (409 when stale).
         */
        post: operations["libraryRestoreTemplateVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** What changed between two versions: the body line by line, and the variables */
        get: operations["libraryDiffTemplateVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The prompt a template makes with these values; no provider is called
         * @description A value at fault is a 400 naming values.<name>.
         */
        post: operations["libraryPreviewTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{templateId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** One template as an export document */
        get: operations["libraryExportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: "goapi";
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A provider reports a task's status (GoAPI, with x-webhook-secret)
         * @description Called only at the address this service gave the provider for one item: it carries the item, the time it was issued and an HMAC over provider, item and time. A call to an address not issued here, older than WEBHOOK_MAX_AGE, for another item's task, or whose body `timestamp` is outside WEBHOOK_TOLERANCE of now is refused with 401.
         */
        post: operations["providerWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The project's share links, newest first, with their views (editors and owners) */
        get: operations["listShares"];
        put?: never;
        /**
         * Make a share link for one content item or a gallery of them (editors and owners)
         * @description The link opens the named items of this project to anyone who holds it, without an account, until expiresAt (default 14 days, 5 minutes to 90 days from now) or until revoked. A password (optional) is kept as a PBKDF2 hash. The answer carries the link's token and the web app's page for it (/s/{token}) this once: the server keeps only the token's SHA-256.
         */
        post: operations["createShare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/shares/{shareId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description The SHA-256 (hex) of the link's token. */
                shareId: components["parameters"]["ShareId"];
            };
            cookie?: never;
        };
        /** One share link and its views (editors and owners) */
        get: operations["getShare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/shares/{shareId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description The SHA-256 (hex) of the link's token. */
                shareId: components["parameters"]["ShareId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a share link at once (editors and owners); its record and views stay */
        post: operations["revokeShare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * What is scheduled and what ran in a window, in one project (viewers and up)
         * @description As GET /api/calendar, for one project; people outside it get 404.
         */
        get: operations["getProjectCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/calendar/{kind}/{refId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description The entry's kind (batch or publication). */
                kind: string;
                /** @description The entry's refId: the batch's id. */
                refId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move an entry to a new start (editors and owners)
         * @description A batch that runs once (once at ...) gets the new start as its once-time; it must be in the future (422), and a batch that already ran then runs again at it. One occurrence of a repeating (cron) batch cannot be moved on its own: 409 (/problems/calendar-repeating-entry) says to change the batch's schedule instead. A scheduled publication gets the new start as its time (422 when it has passed; 409 once it has gone out or was canceled); its earlier task then does nothing. Viewers get 403, people outside the project and unknown kinds or entries 404. If-Match (the batch's ETag) is checked when given for a batch (412).
         */
        patch: operations["moveCalendarEntry"];
        trace?: never;
    };
    "/api/projects/{projectId}/hooks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The project's outbound webhooks, newest first (owners)
         * @description Editors and viewers get 403, people outside the project 404. Secrets are never listed.
         */
        get: operations["listHooks"];
        put?: never;
        /**
         * Subscribe an https address to the project's events (owners)
         * @description The address must be https and its host must resolve only to public addresses (no loopback, private, link-local or metadata address), checked now and again at every delivery; plain http is accepted only to loopback, and only when the server sets HOOKS_ALLOW_HTTP_LOOPBACK (tests). The answer carries the signing secret (whsec_...) this once. At most 20 webhooks a project.
         */
        post: operations["createHook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/hooks/{hookId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        /** One webhook (owners) */
        get: operations["getHook"];
        put?: never;
        post?: never;
        /** Delete a webhook and its delivery log (owners) */
        delete: operations["deleteHook"];
        options?: never;
        head?: never;
        /**
         * Change a webhook's address, events, description or whether it is on (owners)
         * @description Switching a webhook back on clears its run of failed messages. A new address is checked as on creation.
         */
        patch: operations["updateHook"];
        trace?: never;
    };
    "/api/projects/{projectId}/hooks/{hookId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a webhook a new secret (owners); the old one still signs for HOOK_SECRET_GRACE (24h)
         * @description Until previousSecretUntil every message carries two signatures in webhook-signature (space-separated), one under each secret, so the receiver may switch at any time in that window.
         */
        post: operations["rotateHookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/hooks/{hookId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a ping message to the webhook now (owners) */
        post: operations["testHook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/hooks/{hookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        /** A webhook's messages, newest first, each with its attempts (owners) */
        get: operations["listHookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/hooks/{hookId}/deliveries/{deliveryId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
                deliveryId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message again (owners); a new round of attempts with the same webhook-id and body */
        post: operations["resendHookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /**
         * The project's publishing connections, newest first (members)
         * @description Members read them to choose where to publish; no secret is ever listed. People outside the project get 404.
         */
        get: operations["listConnections"];
        put?: never;
        /**
         * Connect a WordPress site, a webhook receiver or a Mastodon account (owners)
         * @description wordpress takes the site's address, a user name and an application password (Users → Profile → Application Passwords); mastodon the instance's address and an access token with the write:statuses and write:media scopes; webhook the receiver's address, and the server makes a signing secret (whsec_...) shown in this answer only. Secrets are kept in the secrets store (an encrypted key file on one machine, Secret Manager in production), never returned or logged. The address must be https and resolve only to public addresses, checked now and at every call; plain http is accepted only to loopback when the server sets PUBLISH_ALLOW_HTTP_LOOPBACK (tests).
         */
        post: operations["createConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/connections/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                connectionId: components["parameters"]["ConnectionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a connection and its secret (owners); its publications not yet sent fail when due */
        delete: operations["deleteConnection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/connections/{connectionId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                connectionId: components["parameters"]["ConnectionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the target whether it takes the connection's credentials, posting nothing (owners)
         * @description The result ("ok" or the reason) is kept on the connection as lastTestResult.
         */
        post: operations["testConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/contents/{contentId}/publications": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        /** The item's publications, newest first (members) */
        get: operations["listContentPublications"];
        put?: never;
        /**
         * Publish the item's current version through a connection, now or at a time (editors)
         * @description An item in review (in_review, changes_requested) is refused with 409 until approved; a video with 422. Without publishAt (or with a time passed) it is sent now. It is sent by a queued task: follow its status (scheduled, publishing, published with remoteUrl, failed with error). Server errors, 429 and timeouts are tried again with a doubling wait (PUBLISH_MAX_ATTEMPTS); a refused password or token, a bad request or a refused address fail it at once. One publication never makes two posts. One item has at most one publication under way per connection (409).
         */
        post: operations["publishContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/publications": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The project's publications, newest first (members) */
        get: operations["listPublications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/publications/{publicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                publicationId: components["parameters"]["PublicationId"];
            };
            cookie?: never;
        };
        /** One publication (members) */
        get: operations["getPublication"];
        put?: never;
        post?: never;
        /**
         * Cancel a publication not yet sent (editors); it stays in the list as canceled
         * @description A scheduled one, or one waiting for its next try; 409 while a try is under way or once it ended.
         */
        delete: operations["cancelPublication"];
        options?: never;
        head?: never;
        /** Move a scheduled publication to another time (editors); 409 once it is under way or ended */
        patch: operations["reschedulePublication"];
        trace?: never;
    };
    "/api/projects/{projectId}/publications/{publicationId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                publicationId: components["parameters"]["PublicationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a failed publication again now (editors) */
        post: operations["retryPublication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shares/{token}": {
        parameters: {
            query?: never;
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        /**
         * What a share link shows its holder, without an account; counts one view
         * @description A token that is guessed, revoked, expired, of a deleted project or item, or not shaped like one answers the same 404 (/problems/not-found, the same body). A link with a password answers 401 (/problems/share-password-required) until unlocked. Every answer under /api/shares carries X-Robots-Tag noindex; the path's token never reaches the logs.
         */
        get: operations["openShare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shares/{token}/media": {
        parameters: {
            query: {
                contentId: string;
                rendition?: "thumb-256" | "thumb-1024" | "poster";
                /** @description The guest session, for an img or video element that cannot send X-Share-Session. */
                session?: string;
            };
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        /**
         * The current media of an item the link opens (not a view)
         * @description An item the link does not open answers 404. Cached privately for 5 minutes; 302 to a signed address where the blob store signs them.
         */
        get: operations["getSharedMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shares/{token}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a share link's password for a guest session (2 hours at most)
         * @description A wrong password answers 401 (/problems/share-password-wrong). Tries are limited per address (SHARE_UNLOCK_LIMIT_PER_IP) and per link from anywhere (SHARE_UNLOCK_LIMIT_PER_LINK): 429.
         */
        post: operations["unlockShare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shares/{token}/review": {
        parameters: {
            query?: never;
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A named guest approves an item the link opens, or asks for changes (approve links only)
         * @description Goes through the review rules as a reviewer: only an item in_review moves (409 otherwise). Recorded in the item's history and the activity log as "<guestName> (guest via link <label>)". A link without the approve permission answers 403; an item it does not open, 404.
         */
        post: operations["reviewShared"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shares/{token}/comments": {
        parameters: {
            query?: never;
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        /**
         * The comment threads of an item the link opens (comment and approve links only)
         * @description As members see them (text anchors placed in `version`, default the current one), without whom a comment mentioned. A view link answers 403; an item the link does not open, 404.
         */
        get: operations["listSharedCommentThreads"];
        put?: never;
        /**
         * A named guest comments on an item the link opens, or replies in a thread (comment and approve links only)
         * @description The comment is the project's like a member's, written as "<guestName> (guest via link <label>)"; it mentions nobody, and the guest cannot edit or delete it afterwards (members resolve it, owners may delete it). The item's creator and the thread's people are told. A view link answers 403; an item it does not open, 404. With an Idempotency-Key, posting again answers the first comment.
         */
        post: operations["postSharedComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/batches": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** The project's batches, newest first (viewers and up) */
        get: operations["listBatches"];
        put?: never;
        /**
         * Make a batch - a template, rows of its variables, a schedule (editors and owners)
         * @description `schedule` is `once at <ISO date-time>` or a Unix cron (minute hour day month weekday) read in
         *     `timeZone` (an IANA name, default UTC). Each run is one or more generation jobs whose items are
         *     the rows (a job holds at most `GENERATION_MAX_ITEMS`; a bigger run is split, the jobs sharing
         *     `maxConcurrent` and `budgetMicros` (0: none) in proportion). Every row's rendered prompt must fit
         *     `GENERATION_MAX_PROMPT`: a row that does not is a 422 naming `rows[i].<its longest column>`.
         *     Values may hold no control characters but tab and line feed (400 naming the row and column);
         *     all rows take at most 800,000 bytes of UTF-8, names and values together.
         */
        post: operations["createBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        /** A batch */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        /** Delete a batch (its runs' contents stay) */
        delete: operations["deleteBatch"];
        options?: never;
        head?: never;
        /** Rename, pause or resume (from now), reschedule, change caps or rows (editors and owners) */
        patch: operations["updateBatch"];
        trace?: never;
    };
    "/api/projects/{projectId}/batches/{batchId}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the rows with a CSV file (UTF-8, a header naming the template's variables, at most 1,000 rows)
         * @description A bad file is a 400 whose errors name the row and column at fault (rows[n].column, header), n
         *     counted from 1 below the header: cells that break the template's rules or hold a control
         *     character other than tab and line feed (CR LF inside a quoted value is read as LF). When the
         *     only problems are rows whose rendered prompt is longer than `GENERATION_MAX_PROMPT`, it is a
         *     422 naming each such row and its longest column.
         */
        post: operations["uploadBatchRows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/batches/{batchId}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        /** The batch's runs, newest first, with status, counts, cost and failures */
        get: operations["listBatchRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/batches/{batchId}/runs/{runId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
                /** @description A run's id, as the list of runs gives it. */
                runId: string;
            };
            cookie?: never;
        };
        /**
         * A run as a CSV or JSON Lines file, one line per row of the batch (viewers and up)
         * @description Streamed as it is read, in row order, as an attachment. Columns: row (from 1), one per variable (every name of every row, in the order first seen; a name taken by another column is headed var:<name>), status (queued, running, waiting, completed, failed, cancelled, or skipped for a row not sent), output (the text made, or for media the API path of the version made, /api/projects/{projectId}/contents/{contentId}/media?version=N), contentId, reason (why it failed, was cancelled or not sent), costMicros, cost (dollars) and variablesFrom: run when the item kept its row's variables when the run started, batch for an older item whose batch row still renders the prompt it was sent, empty when the row has changed since (the variables are then left empty). CSV is RFC 4180 (CRLF, quoted where needed), and a cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) starts with an apostrophe. JSON Lines has one object per row with the same fields, the variables as an object, values as they are.
         */
        get: operations["exportBatchRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/batches/{batchId}/runs/{runId}/media.zip": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
                /** @description A run's id, as the list of runs gives it. */
                runId: string;
            };
            cookie?: never;
        };
        /**
         * The images and videos a run made, as one ZIP (viewers and up)
         * @description One file per completed row that made media, the version the run made, named from the row number and the content item's title in ASCII (0007-a-poster-for-tea.png), so no name can leave the folder it is unpacked in. Images already compressed and videos are stored as they are, others deflated. Written as the files are read; a file gone from storage is left out and named in missing.txt. Texts are not included (the CSV export has them).
         */
        get: operations["exportBatchRunMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/batches/{batchId}/run": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a run now, whatever the schedule (editors and owners)
         * @description While the batch's latest run is still going, or when a run was started by hand less than 5 s
         *     ago, nothing new starts: the answer is 200 with that run and `started: false`, so a double
         *     click or two tabs make one run. The check is made in the transaction that would start the run.
         */
        post: operations["runBatchNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{projectId}/batches/{batchId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the batch's latest run (editors and owners) */
        post: operations["cancelBatchRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok";
            service: string;
            version: string;
            /** Format: date-time */
            time: string;
            /** @description No provider is configured: generation is the offline demo. */
            demo: boolean;
        };
        /** @enum {string} */
        Role: "owner" | "editor" | "viewer";
        /** @description email, displayName and photoUrl are null, or left out by GET /api/me, when the person has none. */
        User: {
            uid: string;
            email?: string | null;
            displayName?: string | null;
            photoUrl?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description What the person's latest token said about their address. */
            emailVerified: boolean;
            /**
             * @description Which notifications are also e-mailed: all that e-mail (mentions, replies, review requests, status changes), mentions only, or none.
             * @enum {string}
             */
            emailNotifications?: "all" | "mentions" | "none";
        };
        /** @description One of a project's brand kits; exactly one is the default, whose voice is the project's brandVoice. */
        BrandKit: {
            id: string;
            projectId: string;
            name: string;
            isDefault: boolean;
            voice: components["schemas"]["BrandVoice"];
            version: number;
            createdBy?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description How the project's texts should sound, and the rules every generated text is checked against (the findings are advisory: an item that breaks a rule completes, flagged). Terms match case-insensitively as whole words; a phrase matches across any white space. A bound left out does not apply. The rules are also given to the provider as instructions. */
        BrandVoice: {
            systemPrompt?: string | null;
            tone?: string | null;
            /** @description Words or phrases a text must not use. */
            bannedWords?: string[];
            /** @description Words or phrases every text must use. */
            requiredTerms?: string[];
            minWords?: number | null;
            /** @description At least minWords when both are set. */
            maxWords?: number | null;
            /** @description The highest Flesch-Kincaid grade level a text may read at (see the README for how it is counted). */
            maxReadingGrade?: number | null;
            imageStyle?: components["schemas"]["ImageStyle"] | null;
        };
        /** @description The project's image style preset: every image generation (single or batch) gets the style prompt after its prompt ("Style: ..."), and the aspect ratio and negative prompt when its request gives no shape (size, width, height, aspectRatio) or negative prompt of its own. A preset of blanks is no preset. */
        ImageStyle: {
            stylePrompt?: string | null;
            /** @example 16:9 */
            aspectRatio?: string | null;
            negativePrompt?: string | null;
        };
        /** @description What a brand rule found in a text, with the passage it is about (start and end are UTF-16 offsets into the version's text, end exclusive). A missing required term or too few words has no passage. */
        Finding: {
            /** @enum {string} */
            rule: "banned-term" | "required-term" | "min-words" | "max-words" | "reading-grade";
            message: string;
            passage?: string;
            start?: number;
            end?: number;
        };
        /** @description A file built in the background and offered through a signed link. */
        BackgroundExport: {
            id: string;
            projectId: string;
            /** @enum {string} */
            what: "run" | "media";
            batchId?: string | null;
            runId?: string | null;
            /** @enum {string} */
            format: "csv" | "jsonl" | "zip";
            /** @enum {string} */
            status: "queued" | "building" | "ready" | "failed";
            fileName?: string | null;
            /** @description Bytes, once ready. */
            size?: number | null;
            /** @description Why it failed. */
            error?: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the file and this record are deleted.
             */
            expiresAt: string;
            /** @description Once ready, a signed address of the file; works until downloadExpiresAt (ask again for a fresh one). */
            downloadUrl?: string | null;
            /** Format: date-time */
            downloadExpiresAt?: string | null;
        };
        /** @description How a project's exported documents look. Fonts come from a fixed list, so no document names a font fetched from elsewhere. */
        ExportStyle: {
            /**
             * @description The family of the title and headings.
             * @default sans
             * @enum {string}
             */
            headingFont: "sans" | "serif" | "mono";
            /**
             * @description The family of body text.
             * @default serif
             * @enum {string}
             */
            bodyFont: "sans" | "serif" | "mono";
            /**
             * @description The colour of headings, rules and links.
             * @default #2b6cb0
             */
            accentColor: string;
            /** @description An image item of the project shown at the top of each document; none when null or deleted since. */
            logoContentId?: string | null;
            /**
             * @description One line at the foot of every page.
             * @default
             */
            footer: string;
        };
        /** @description brandVoice is null when the project has none (left out by GET /api/projects/{projectId}). */
        Project: {
            id: string;
            name: string;
            description: string;
            archived: boolean;
            brandVoice?: components["schemas"]["BrandVoice"] | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            role: components["schemas"]["Role"];
            /** @description batch runs are charged to the batch's creator (set by an owner) */
            batchRunsChargeCreator: boolean;
        };
        /** @description What was used in one calendar month (UTC); the cost is an estimate in millionths of a dollar. The reserved amounts are held for jobs still running (the worst case of their unfinished items) and count against the limits like what is used: a generation is refused (429) when used + reserved + its own worst case would pass a limit. */
        Usage: {
            /** @example 2026-11 */
            period: string;
            inputTokens: number;
            outputTokens: number;
            images: number;
            videoSeconds: number;
            items: number;
            costMicros: number;
            /** @description text tokens held for unfinished items */
            reservedTokens: number;
            /** @description images held for unfinished items */
            reservedImages: number;
            /** @description seconds of video held for unfinished items */
            reservedVideoSeconds: number;
            /** @description the worst-case cost held for unfinished items, at their models' prices */
            reservedCostMicros: number;
        };
        /** @description One limit this month in millionths of a dollar: the limit (0 none), what items cost, what is held for jobs still running, and (when limited) what is left and the share used or held. */
        BudgetLine: {
            uid?: string;
            name?: string;
            limitMicros: number;
            spentMicros: number;
            reservedMicros: number;
            remainingMicros?: number;
            percentUsed?: number;
        };
        /** @description A project's budget and this month's lines (UTC calendar month). */
        Budget: {
            projectId: string;
            /** @example 2026-12 */
            period: string;
            /** @description The project's monthly budget; 0 is none. */
            monthlyMicros: number;
            /** @description Each member's monthly cap in this project; 0 is none. */
            memberCapMicros: number;
            /** @description Members' own caps (owners see them). */
            memberCaps: {
                [key: string]: number;
            };
            /** @description The share of a limit past which jobs carry a warning (80). */
            warnPercent: number;
            project: components["schemas"]["BudgetLine"];
            members: components["schemas"]["BudgetLine"][];
            version: number;
            /** Format: date-time */
            updatedAt?: string;
        };
        /** @description Past 80% of the project's budget or the caller's cap once this job is held. */
        BudgetWarning: {
            /** @enum {string} */
            scope: "project" | "member";
            limitMicros: number;
            /** @description Spent and held, this job included. */
            committedMicros: number;
            remainingMicros: number;
            percentUsed: number;
            message: string;
        };
        /** @description What a job or run would hold (at most its cost) and leave of the budgets. */
        Forecast: {
            items: number;
            perItemMicros: number;
            costMicros: number;
            provider: string;
            model?: string;
            demo: boolean;
            /** @description How the forecast is worked out, in words. */
            method: string;
            project: components["schemas"]["BudgetLine"];
            member: components["schemas"]["BudgetLine"];
            projectRemainingAfterMicros?: number;
            projectPercentLeftAfter?: number;
            memberRemainingAfterMicros?: number;
            /** @description Whether the job would be accepted now. */
            fits: boolean;
            /** @description Whether it would bring a budget warning. */
            warning: boolean;
            /** @description Why it would be refused. */
            refusal?: string;
        };
        /** @description Each person's monthly limits, and the prices behind the estimated cost. */
        Limits: {
            tokensPerMonth: number;
            imagesPerMonth: number;
            videoSecondsPerMonth: number;
            inputTokenMicros: number;
            outputTokenMicros: number;
            imageMicros: number;
            videoSecondMicros: number;
        };
        Member: {
            projectId: string;
            uid: string;
            role: components["schemas"]["Role"];
            email: string | null;
            displayName: string | null;
            addedBy: string;
            /** Format: date-time */
            addedAt: string;
            /** Format: date-time */
            projectCreatedAt: string;
            /** @description An owner named them a reviewer: they may approve content or ask for changes. */
            reviewer: boolean;
        };
        /** @description An invitation to join a project. status is pending until the invitee accepts or declines, an owner revokes it, or it passes expiresAt (then expired; INVITATION_TTL, 7 days by default). invitedByName is null when the owner has no name (left out in the answers with acceptPath). */
        Invitation: {
            id: string;
            projectId: string;
            /** @description The project's name when the invitation was made. */
            projectName: string;
            /** @description The invited address, in lower case. */
            email: string;
            role: components["schemas"]["Role"];
            /** @enum {string} */
            status: "pending" | "accepted" | "declined" | "revoked" | "expired";
            /** @description The uid of the owner who (last) sent it. */
            invitedBy: string;
            invitedByName?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        IssuedInvitation: components["schemas"]["Invitation"] & {
            /** @description The web app's accept screen, /invitations/{id}#token=..., to prefix with the app's origin. Shown only here: the server keeps only a hash of the token. */
            acceptPath: string;
        };
        ProviderKey: {
            /** @enum {string} */
            provider: "anthropic" | "gemini" | "openai";
            /** @description Whether this server offers the provider (its own key is set); a project's key is kept but not used until it does. */
            enabled: boolean;
            /** @description Whether the project has its own key for this provider. */
            set: boolean;
            /** @description The key's last four characters, when one is set. */
            last4?: string | null;
        };
        JobItem: {
            index: number;
            /** @enum {string} */
            status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
            contentId?: string;
            failureReason?: string;
            /** @description A failed item's own prompt (a batch row's), for trying it again; absent when it is the job's. */
            prompt?: string;
            cached: boolean;
            attempts: number;
            /** @description The provider that made a completed item: the job's own, or the next of TEXT_PROVIDERS / IMAGE_PROVIDERS when the job's provider was failing. Absent when the cache served it. */
            provider?: string;
            /** @description The model that made a completed item (the fallback's default model when another provider made it). */
            model?: string;
            /** @description How many brand rule findings a completed text has (0: none, or not a text). */
            findings?: number;
        };
        /** @description The data of a job stream's `delta` event: more of an item's text as it streams. */
        JobDeltaEvent: {
            /** @enum {string} */
            type: "delta";
            index: number;
            text: string;
        };
        /** @description The data of a job stream's `reset` event: a new attempt of the item starts its text again. */
        JobResetEvent: {
            /** @enum {string} */
            type: "reset";
            index: number;
        };
        /** @description The data of a job stream's `item` event: an item ended, with its content or why it failed. */
        JobItemEvent: {
            /** @enum {string} */
            type: "item";
            index: number;
            /** @enum {string} */
            status: "completed" | "failed";
            contentId?: string;
            cached?: boolean;
            failureReason?: string;
        };
        /** @description The data of a job stream's `progress` event: how far a media item is, as the provider reports. */
        JobProgressEvent: {
            /** @enum {string} */
            type: "progress";
            index: number;
            percent: number;
        };
        /** @description Fields with no value (model, prompt, templateId, contentId, batchId) are left out. */
        Job: {
            budgetWarning?: components["schemas"]["BudgetWarning"];
            id: string;
            projectId: string;
            /** @enum {string} */
            kind: "text" | "image" | "video";
            provider: string;
            model?: string;
            /** @description Made by the built-in offline demo provider. */
            demo: boolean;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed" | "cancelled";
            itemCount: number;
            completed: number;
            failed: number;
            cancelled: number;
            prompt?: string;
            options: {
                [key: string]: string;
            };
            templateId?: string;
            /** @description The content item a regeneration adds a version to. */
            contentId?: string;
            fresh: boolean;
            /** @description The uid charged for the job. */
            requestedBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The batch whose run made the job. */
            batchId?: string;
            /** @description The most items running at once (0: no cap of its own). */
            maxConcurrent: number;
            /** @description No item starts once costMicros reaches it (0: no budget). */
            budgetMicros: number;
            costMicros: number;
            /** @description Completed items whose text breaks a brand rule (see each item's findings). */
            flagged?: number;
            items: components["schemas"]["JobItem"][];
        };
        Batch: {
            id: string;
            projectId: string;
            name: string;
            templateId: string;
            /** @enum {string} */
            kind: "text" | "image" | "video";
            rows: {
                [key: string]: string;
            }[];
            schedule: string;
            timeZone: string;
            paused: boolean;
            maxConcurrent: number;
            budgetMicros: number;
            provider: string | null;
            model: string | null;
            options: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description Due times before it are not run (set when the batch is made, resumed or rescheduled).
             */
            notBefore: string | null;
            /** Format: date-time */
            lastDueAt: string | null;
            lastRunId: string | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description Why the scheduler last failed to start a run for a reason nobody expected; null once a run starts again. */
            lastError: string | null;
            /** Format: date-time */
            lastErrorAt: string | null;
            /** @description who last created, resumed or rescheduled the batch: its scheduled runs are charged to them (null for batches older than this rule: their creator) */
            scheduledBy: string | null;
        };
        RowNote: {
            /** @description The row of the batch, from 1. */
            row: number;
            reason: string;
        };
        /** @description A run that did not start has only its status, skipped; the counts come with its jobs. */
        BatchRun: {
            id: string;
            batchId: string;
            projectId: string;
            /** Format: date-time */
            dueAt: string;
            /** @enum {string} */
            trigger: "schedule" | "manual";
            /** @description The first of jobIds. */
            jobId?: string;
            /** @description The run's jobs: one per GENERATION_MAX_ITEMS rows. */
            jobIds: string[];
            /** @description Why the run did not start (a quota, no rows, no row fits). */
            skipped?: string;
            /** @description Rows left out when the run started (a prompt too long by then). */
            skippedRows: components["schemas"]["RowNote"][];
            /** @description Only in the answer to run now: whether this call started it. */
            started?: boolean;
            /** Format: date-time */
            startedAt: string;
            /**
             * @description From its jobs: queued while all wait, running while any goes on; once all ended, cancelled if one was, completed if any item was made, failed otherwise.
             * @enum {string}
             */
            status: "queued" | "running" | "completed" | "failed" | "cancelled" | "skipped";
            items?: number;
            completed?: number;
            failed?: number;
            cancelled?: number;
            costMicros?: number;
            /** @description The first failed items (at most 20). */
            failures?: components["schemas"]["RowNote"][];
            /** @description Completed items of the run's jobs whose text breaks a brand rule. */
            flagged?: number;
        };
        /** @description Fields with no value (preview, jobId) are left out; current is in the answers about one item, not in lists. */
        Content: {
            id: string;
            projectId: string;
            /** @enum {string} */
            kind: "text" | "image" | "video";
            title: string;
            currentVersion: number;
            latestVersion: number;
            preview?: string;
            jobId?: string;
            demo: boolean;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            reviewStatus: components["schemas"]["ReviewStatus"];
            current?: components["schemas"]["ContentVersion"];
        };
        /**
         * @description Where a content item stands in review; an item stored before review existed is draft.
         * @enum {string}
         */
        ReviewStatus: "draft" | "in_review" | "changes_requested" | "approved";
        /** @description One change of a content item's review state. automatic is true when the product made it (a new version of an approved item sent it back to draft); by is then whoever made the version. contentVersion is the item's current version number when the change was made. */
        Review: {
            id: string;
            contentId: string;
            from: components["schemas"]["ReviewStatus"];
            to: components["schemas"]["ReviewStatus"];
            note?: string;
            by: {
                uid: string;
                name?: string;
            };
            /** Format: date-time */
            at: string;
            contentVersion: number;
            automatic: boolean;
        };
        /**
         * @description What the link's holder may do: view; comment (and view); approve (and comment and view).
         * @enum {string}
         */
        SharePermission: "view" | "comment" | "approve";
        /** @description A share link as members see it; never its token or password. */
        Share: {
            /** @description The SHA-256 (hex) of the link's token. */
            id: string;
            projectId: string;
            contentIds: string[];
            permission: components["schemas"]["SharePermission"];
            label: string;
            hasPassword: boolean;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            createdBy: string;
            createdByName?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            revokedAt?: string;
            /** @description How often the link was opened (media fetches do not count). */
            views: number;
            /** Format: date-time */
            lastViewedAt?: string;
        };
        /**
         * @description What a webhook is told of. publish.succeeded and publish.failed are defined for publishing, which does not send them yet; ping is sent only by the test action and cannot be subscribed to.
         * @enum {string}
         */
        HookEventType: "job.completed" | "item.failed" | "content.status_changed" | "comment.added" | "batch_run.completed" | "publish.succeeded" | "publish.failed" | "ping";
        Calendar: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description The zone dates in from and to were read in. */
            timeZone: string;
            entries: components["schemas"]["CalendarEntry"][];
            /** @description More entries than one answer holds (2000): ask for a shorter window. */
            truncated: boolean;
            /** @description Projects whose entries could not be read this time and are left out of entries; absent when every project was read. */
            unavailable?: {
                projectId: string;
                projectName: string;
            }[];
        };
        CalendarEntry: {
            /** @description Unique and stable: <kind>-<refId>-<epoch second> for what is scheduled, <kind>run-<runId> for what ran. */
            id: string;
            /** @description Where it comes from: batch or publication. */
            kind: string;
            projectId: string;
            projectName: string;
            /** @description The id of the thing in its project (the batch or the publication). */
            refId: string;
            title: string;
            /** Format: date-time */
            start: string;
            /** @description scheduled, paused or due (about to start) for what is to come; a run's status (queued, running, completed, failed, cancelled, skipped) for what ran; a publication's (publishing, published, failed, canceled) once it went out. */
            status: string;
            /** @description The caller may move it (PATCH .../calendar/{kind}/{refId}). */
            draggable: boolean;
            /** @description One occurrence of a repeating schedule. */
            recurring: boolean;
            /** @description The web app's path of the thing. */
            link?: string;
            detail?: string;
        };
        CalendarFeed: {
            active: boolean;
            /** Format: date-time */
            createdAt?: string;
        };
        IssuedCalendarFeed: {
            /** @description The feed's private address, shown this once. */
            url: string;
            token: string;
            /** Format: date-time */
            createdAt: string;
        };
        Hook: {
            id: string;
            projectId: string;
            url: string;
            events: components["schemas"]["HookEventType"][];
            description: string;
            enabled: boolean;
            /** @description Why the server switched it off (HOOK_DISABLE_AFTER failed messages in a row). */
            disabledReason: string | null;
            /** @description Messages in a row that failed. */
            failureStreak: number;
            /**
             * Format: date-time
             * @description After a rotation: the old secret still signs until then.
             */
            previousSecretUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        IssuedHook: {
            hook: components["schemas"]["Hook"];
            /** @description whsec_ and the base64 of 32 bytes: the HMAC key of the signatures, shown only here. */
            secret: string;
        };
        HookDelivery: {
            /** @description The message's webhook-id is msg_ and this id. */
            id: string;
            hookId: string;
            projectId: string;
            eventId: string;
            type: components["schemas"]["HookEventType"];
            /** @description The exact JSON body signed and sent at every attempt. */
            body: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /** @description Times it was sent again by hand. */
            round: number;
            attemptCount: number;
            lastStatusCode?: number | null;
            lastError?: string | null;
            /** Format: date-time */
            lastAttemptAt?: string | null;
            /** Format: date-time */
            nextAttemptAt?: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The latest 20 attempts, oldest first. */
            attempts: {
                /** Format: date-time */
                at: string;
                round: number;
                attempt: number;
                statusCode?: number | null;
                durationMillis: number;
                /** @enum {string} */
                outcome: "succeeded" | "retrying" | "failed" | "refused";
                /** @description The first 1 KiB of the answer's body. */
                responseExcerpt?: string | null;
                error?: string | null;
            }[];
        };
        /** @description A place to publish to; its secret is never shown, only its last four characters. */
        Connection: {
            id: string;
            projectId: string;
            /** @enum {string} */
            channel: "wordpress" | "webhook" | "mastodon";
            name: string;
            siteUrl: string;
            username: string | null;
            secretLast4: string;
            /** @description "ok", or why the last test failed. */
            lastTestResult: string | null;
            /** Format: date-time */
            lastTestedAt: string | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        IssuedConnection: {
            connection: components["schemas"]["Connection"];
            /** @description A webhook connection's whsec_ secret, shown only here; null for other channels. */
            signingSecret: string | null;
        };
        Publication: {
            id: string;
            projectId: string;
            contentId: string;
            contentTitle: string;
            /** @description The version published (the current one when it was asked for). */
            versionNumber: number;
            connectionId: string;
            /** @enum {string} */
            channel: "wordpress" | "webhook" | "mastodon";
            connectionName: string;
            /** @enum {string} */
            mode: "draft" | "publish";
            /** @enum {string} */
            status: "scheduled" | "publishing" | "published" | "failed" | "canceled";
            /** Format: date-time */
            publishAt: string;
            /** @description Grows when it is moved or tried again. */
            round: number;
            /** @description Tries in this round. */
            attempts: number;
            /**
             * Format: date-time
             * @description While a try is under way.
             */
            leaseUntil: string | null;
            /**
             * Format: date-time
             * @description When it is tried again after a failure that may pass.
             */
            nextAttemptAt: string | null;
            remoteId: string | null;
            /** @description Where it now lives (a draft's preview address on WordPress). */
            remoteUrl: string | null;
            /** @description Why it failed, or why the last try failed while it is retried. */
            error: string | null;
            tags: string[];
            imageContentId: string | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            publishedAt: string | null;
        };
        PublicationPage: {
            items: components["schemas"]["Publication"][];
            nextCursor: string | null;
        };
        /** @description An API key as its person sees it; never its secret. */
        ApiKey: {
            /** @description The key's id, also part of the key itself; what the logs name. */
            id: string;
            name: string;
            /** @description The start of the key (cck_ and its id), to tell keys apart. */
            prefix: string;
            /** @description The one project the key reaches; absent for all the person's projects. */
            projectId?: string;
            role: components["schemas"]["Role"];
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            revokedAt?: string;
            /**
             * Format: date-time
             * @description When the key last signed a request (written at most once a minute).
             */
            lastUsedAt?: string;
        };
        IssuedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The whole key, cck_<id>_<secret>, shown only here. */
            secret: string;
        };
        ApiKeyRequest: {
            name: string;
            role: components["schemas"]["Role"];
            /** @description The one project the key reaches; absent or null for all. */
            projectId?: string | null;
            /**
             * Format: date-time
             * @description 1 hour to 365 days from now.
             */
            expiresAt?: string;
            /** @description Instead of expiresAt: days from now. */
            ttlDays?: number;
        };
        IssuedShare: components["schemas"]["Share"] & {
            /** @description The link's secret, shown only here. */
            token: string;
            /** @description The web app's page for the link, /s/{token}, to prefix with the app's origin. */
            path: string;
        };
        /** @description What a share link shows; no project name, member or uid. */
        SharedPage: {
            label: string;
            permission: components["schemas"]["SharePermission"];
            /** Format: date-time */
            expiresAt: string;
            items: {
                id: string;
                /** @enum {string} */
                kind: "text" | "image" | "video";
                title: string;
                reviewStatus: components["schemas"]["ReviewStatus"];
                version: number;
                text?: string;
                contentType?: string;
                width?: number;
                height?: number;
                durationSeconds?: number;
                /** @description The link's own media address; add &session= for a link with a password. */
                mediaUrl?: string;
                renditions?: {
                    [key: string]: string;
                };
            }[];
        };
        /**
         * @description What someone did. The set grows as features are added; a client shows an unknown one as it is.
         * @enum {string}
         */
        ActivityAction: "generation.started" | "content.created" | "content.regenerated" | "content.edited" | "content.restored" | "content.renamed" | "content.deleted" | "content.status_changed" | "member.invited" | "member.joined" | "member.role_changed" | "member.reviewer_changed" | "member.removed" | "member.left" | "invitation.revoked" | "batch.created" | "batch.changed" | "batch.deleted" | "batch.run_started" | "project.renamed" | "comment.posted" | "comment.edited" | "comment.deleted" | "comment.resolved" | "comment.reopened" | "share.created" | "share.revoked" | "provider.key_set" | "provider.key_removed";
        /** @description One record of a project's activity log. actor.uid is a member's uid, or system or schedule (a batch's schedule) for the product's own work; actor.name is the name shown then (or the member's name now, or the uid). target.title is the target's title when it happened (an invitation's address with its local part cut to one character: c…@example.com). contentId names the content item the record concerns, if any. details holds a few strings that depend on the action (from and to of a change, a note, a version number). */
        Activity: {
            id: string;
            projectId: string;
            /** Format: date-time */
            at: string;
            actor: {
                uid: string;
                name?: string;
            };
            action: components["schemas"]["ActivityAction"];
            target: {
                type: string;
                id: string;
                title?: string;
            };
            contentId?: string;
            details: {
                [key: string]: string;
            };
        };
        /** @description A document of a project's brand knowledge and how far its indexing got. */
        KnowledgeDocument: {
            id: string;
            projectId: string;
            name: string;
            /**
             * @description Told from the bytes.
             * @enum {string}
             */
            kind: "pdf" | "html" | "markdown" | "text";
            /** @enum {string} */
            source: "upload" | "url";
            /** @description The address a page was fetched from. */
            url: string | null;
            byteSize: number;
            /** @enum {string} */
            status: "queued" | "indexing" | "ready" | "failed";
            /** @description Why indexing failed. */
            reason: string | null;
            passageCount: number;
            /** @description The embedding model of its vectors once ready. */
            model: string | null;
            dimensions: number;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description A passage of brand knowledge, as a search found it or a generation used it. */
        KnowledgeSource: {
            documentId: string;
            documentName: string;
            passageId: string;
            excerpt: string;
            /** @description Cosine similarity to the query or prompt (1: the same direction). */
            score: number;
        };
        /** @description Fields with no value are left out. Stored media has mediaUrl, and processed media its renditions, sha256, byteSize, dominantColor and blurHash (these two null when none was made). */
        ContentVersion: {
            contentId: string;
            projectId: string;
            number: number;
            text?: string;
            contentType?: string;
            width?: number;
            height?: number;
            durationSeconds?: number;
            /** @enum {string} */
            source: "generated" | "uploaded" | "imported" | "edited" | "restored";
            jobId?: string;
            provider?: string;
            model?: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            mediaUrl?: string;
            /** @description Addresses of the thumbnails (thumb-256, thumb-1024) and the poster, by name. */
            renditions?: {
                [key: string]: string;
            };
            sha256?: string;
            byteSize?: number;
            /** @example #a0b1c2 */
            dominantColor?: string | null;
            blurHash?: string | null;
            /** @description A text's brand rule findings, checked when the version was made (generated, edited or restored); empty when it keeps every rule. Absent for media. */
            findings?: components["schemas"]["Finding"][];
            /** @description The passages of brand knowledge its generation was given (useKnowledge); empty when none. */
            knowledge?: components["schemas"]["KnowledgeSource"][];
        };
        /** @description A variable's limits, each only where its type has it: maxLength (text, longText; 1 to 4000), min and max (number), options (choice; 1 to 50 of at most 200 characters). */
        TemplateLimits: {
            maxLength?: number | null;
            min?: number | null;
            max?: number | null;
            options?: string[] | null;
        };
        TemplateVariable: {
            name: string;
            /** @description What a form shows; the name when none was given. */
            label: string;
            /** @enum {string} */
            type: "text" | "longText" | "number" | "choice" | "boolean";
            required: boolean;
            /** @description The value used when none is given (a boolean's is true or false). */
            default: string | null;
            limits: components["schemas"]["TemplateLimits"];
            /**
             * @deprecated
             * @description The same as limits.options (older clients).
             */
            choices: string[];
            /**
             * @deprecated
             * @description The same as default (older clients).
             */
            defaultValue: string | null;
            /**
             * @deprecated
             * @description The same as limits.maxLength (older clients).
             */
            maxLength: number | null;
        };
        TemplateVariableInput: {
            name: string;
            label?: string;
            /**
             * @description string is the older name of text.
             * @enum {string}
             */
            type: "text" | "longText" | "number" | "choice" | "boolean" | "string";
            /** @default false */
            required: boolean;
            /** @description A string, number or true/false; it must itself keep the variable's limits. */
            default?: unknown;
            limits?: components["schemas"]["TemplateLimits"];
            /**
             * @deprecated
             * @description Read as limits.options.
             */
            choices?: string[];
            /**
             * @deprecated
             * @description Read as default.
             */
            defaultValue?: string | null;
            /**
             * @deprecated
             * @description Read as limits.maxLength.
             */
            maxLength?: number;
        };
        TemplateDraft: {
            name: string;
            /** @enum {string} */
            kind: "text" | "image" | "video";
            /** @description The prompt with {{name}} placeholders (see createTemplate). */
            body: string;
            variables?: components["schemas"]["TemplateVariableInput"][];
        };
        /** @description A TemplateDraft; with projectId (the older form) the template goes to that project. */
        TemplateCreate: {
            projectId?: string;
            name?: string;
            /** @enum {string} */
            kind?: "text" | "image" | "video";
            body?: string;
            variables?: components["schemas"]["TemplateVariableInput"][];
        } & components["schemas"]["TemplateDraft"];
        TemplateChange: {
            /** @description The version the change was made from. */
            basedOn: number;
            name?: string;
            /** @enum {string} */
            kind?: "text" | "image" | "video";
            body?: string;
            variables?: components["schemas"]["TemplateVariableInput"][];
        };
        /** @description One value per variable name (numbers and booleans are taken as their text). */
        TemplateValues: {
            [key: string]: string | number | boolean;
        };
        TemplateDraftPreview: {
            name?: string;
            /** @enum {string} */
            kind?: "text" | "image" | "video";
            body: string;
            variables?: components["schemas"]["TemplateVariableInput"][];
            values?: components["schemas"]["TemplateValues"];
        };
        TemplatePreview: {
            /** @description The body with the values put in once (never expanded again), runs of white space made one space. */
            prompt: string;
        };
        Template: {
            id: string;
            /**
             * @description global: ships with the product, read-only; personal: your library, usable in all your projects; project: the project's own.
             * @enum {string}
             */
            scope: "global" | "personal" | "project";
            /** @description Null for global and personal templates. */
            projectId: string | null;
            name: string;
            /** @enum {string} */
            kind: "text" | "image" | "video";
            body: string;
            variables: components["schemas"]["TemplateVariable"][];
            /** @description Null for the global templates. */
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The current version's number; each save adds one. */
            version: number;
        };
        TemplateList: {
            items: components["schemas"]["Template"][];
        };
        TemplateVersion: {
            templateId: string;
            number: number;
            projectId: string | null;
            ownerUid: string | null;
            name: string;
            /** @enum {string} */
            kind: "text" | "image" | "video";
            body: string;
            variables: components["schemas"]["TemplateStoredVariable"][];
            /** @description Null for a built-in template. */
            savedBy: string | null;
            /** Format: date-time */
            savedAt: string;
            /** @description The version a restore copied. */
            restoredFrom: number | null;
        };
        TemplateStoredVariable: {
            name: string;
            /** @enum {string} */
            type: "text" | "longText" | "number" | "choice" | "boolean";
            required: boolean;
            choices: string[];
            defaultValue?: string | null;
            maxLength?: number | null;
            label?: string | null;
            min?: number | null;
            max?: number | null;
        };
        TemplateDiff: {
            from: number;
            to: number;
            /** @description Every line of both bodies once, in reading order. */
            lines: {
                /** @enum {string} */
                op: "equal" | "removed" | "added";
                text: string;
            }[];
            variables: {
                name: string;
                /** @enum {string} */
                change: "added" | "removed" | "changed";
                before: components["schemas"]["TemplateVariable"] | null;
                after: components["schemas"]["TemplateVariable"] | null;
            }[];
            name: components["schemas"]["TemplateFieldChange"];
            kind: components["schemas"]["TemplateFieldChange"];
        };
        TemplateFieldChange: {
            before: string;
            after: string;
        } | null;
        /** @description The template export format: format "content-creator.templates", version 1, and 1 to 50 templates, each {name, kind, body, variables} with variables as TemplateVariableInput. */
        TemplateExport: {
            /** @enum {string} */
            format: "content-creator.templates";
            /** @enum {integer} */
            version: 1;
            templates: {
                name?: string;
                /** @enum {string} */
                kind?: "text" | "image" | "video";
                body?: string;
                variables?: Record<string, never>[];
            }[];
        };
        /** @description Where and how to send a file's bytes, and where to follow the upload. */
        UploadSlot: {
            id: string;
            projectId: string;
            title: string | null;
            /**
             * @description pending: a signed address; direct: this API's own upload route.
             * @enum {string}
             */
            status: "pending" | "direct";
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            method: "PUT" | "POST";
            uploadUrl: string;
            /** @description Headers to send with the bytes. */
            headers: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description When a signed address stops working.
             */
            expiresAt?: string;
            statusUrl: string;
        };
        Upload: {
            id: string;
            projectId: string;
            title: string | null;
            /** @enum {string} */
            status: "direct" | "pending" | "processing" | "done" | "failed";
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When processing began.
             */
            claimedAt?: string;
            /** @description The content item made (done). */
            contentId?: string;
            /** @description Why it failed (failed). */
            failureReason?: string;
        };
        /** @description Where a comment points: a passage of a text (type text: quote, and its UTF-16 offsets start..end in the version's text) or a point of an image (type point: x and y from 0 to 1, from the top left). Read against another version, a text anchor has start and end where the quote is found there, or detached true (and no offsets) when it is gone. */
        Anchor: {
            /** @enum {string} */
            type: "text" | "point";
            quote?: string;
            start?: number;
            end?: number;
            x?: number;
            y?: number;
            detached?: boolean;
        };
        /** @description A comment, written on version. A thread's first comment has threadId equal to its id, and resolved (with resolvedBy and resolvedAt once resolved); a reply has parentId. A deleted first comment that still has replies is a placeholder: deleted true, without author, body or mentions. */
        Comment: {
            id: string;
            projectId: string;
            contentId: string;
            version: number;
            threadId: string;
            parentId?: string;
            author?: {
                uid: string;
                name: string;
            };
            body?: string;
            mentions?: string[];
            anchor?: components["schemas"]["Anchor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            editedAt?: string;
            deleted: boolean;
            resolved?: boolean;
            resolvedBy?: string;
            /** Format: date-time */
            resolvedAt?: string;
        };
        Thread: components["schemas"]["Comment"] & {
            /** @description Oldest first. */
            replies: components["schemas"]["Comment"][];
        };
        /** @description One entry of the caller's inbox: what actor did (kind) in a project, and what it is about (target.link is a path of the web app). Mentions, replies, review requests and status changes are also e-mailed. */
        Notification: {
            id: string;
            projectId: string;
            /**
             * @description budget - the project passed 80% of its monthly budget (owners; once a month).
             * @enum {string}
             */
            kind: "mention" | "reply" | "comment" | "review_request" | "status_change" | "invitation" | "budget";
            actor: {
                uid: string;
                name: string | null;
            };
            target: {
                contentId: string | null;
                commentId: string | null;
                link: string;
            };
            text: string;
            read: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        UnreadCount: {
            count: number;
            /** @description There are more than 99. */
            more: boolean;
        };
        OutboxMessage: {
            id: string;
            to: string;
            subject: string;
            /** Format: date-time */
            sentAt: string;
            /** @description The plain-text body. */
            text: string;
        };
        Problem: {
            /** @description /problems/<slug>, e.g. /problems/not-found */
            type: string;
            title: string;
            status: number;
            /** @description What went wrong, in words a person can act on. */
            detail: string;
            instance?: string;
            errors?: {
                field: string;
                message: string;
            }[];
        };
    };
    responses: {
        /** @description The request is not valid; errors name each field at fault. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No token, or one that is not valid for this project, or whose account was revoked or disabled. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's role does not allow this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource, or not one the caller may see. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The change conflicts with the resource's state. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description If-Match names a version that is no longer current. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is over the limit (1 MiB by default). */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not application/json. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description This would pass the project's monthly budget or the caller's cap (type /problems/budget-exceeded); detail names which and how much is left. */
        BudgetExceeded: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but cannot be carried out. */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's e-mail address is not verified (type /problems/email-unverified): verify it, sign in again, and retry. */
        EmailUnverified: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The invitation expired, was revoked, declined or used (type /problems/invitation-closed). */
        InvitationClosed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The provider's circuit is open (it keeps failing); Retry-After says when to try again. */
        Unavailable: {
            headers: {
                /** @description Seconds to wait. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Over the rate limit; Retry-After says when to try again. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The window's start: a date (read in tz) or a date and time. */
        CalendarFrom: string;
        /** @description The window's end (excluded), at most 62 days after from. */
        CalendarTo: string;
        /** @description The IANA zone dates are read in; UTC when not given. */
        CalendarTimeZone: string;
        ProjectId: string;
        KeyId: string;
        JobId: string;
        BatchId: string;
        InvitationId: string;
        ContentId: string;
        CommentId: string;
        NotificationId: string;
        /** @description The SHA-256 (hex) of the link's token. */
        ShareId: string;
        HookId: string;
        ConnectionId: string;
        PublicationId: string;
        /** @description A built-in template's id (global-...) or a stored one's. */
        TemplateId: string;
        TemplateVersionNumber: number;
        /** @description The link's secret (43 base64url characters). */
        ShareToken: string;
        /** @description The guest session unlock gave, for a link with a password. */
        ShareSession: string;
        Limit: number;
        /** @description The nextCursor of the previous page. */
        Cursor: string;
        /** @description Only records of this action. */
        ActivityAction: components["schemas"]["ActivityAction"];
        /** @description Only records by this member (a uid), or by system or schedule. */
        ActivityActor: string;
        /** @description Only records about this content item (deleted ones too). */
        ActivityContentId: string;
        /** @description Only records at or after this instant (ISO-8601 UTC, e.g. 2026-01-31T09:00:00Z). */
        ActivitySince: string;
        /** @description Only records before this instant; must come after since. */
        ActivityUntil: string;
        /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description The resource's version as an entity tag, e.g. "3"; send it back in If-Match. */
        ETag: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller, with this month's usage and the monthly limits. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"] & {
                        usage: components["schemas"]["Usage"];
                        limits: components["schemas"]["Limits"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string | null;
                    /**
                     * Format: uri
                     * @description an https:// address
                     */
                    photoUrl?: string | null;
                    /** @enum {string} */
                    emailNotifications?: "all" | "mentions" | "none";
                };
            };
        };
        responses: {
            /** @description The changed record. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listMyNotifications: {
        parameters: {
            query?: {
                /** @description true: only the unread ones. */
                unread?: "true" | "false";
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Notification"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    countMyUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    markMyNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notificationId: components["parameters"]["NotificationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    read: boolean;
                };
            };
        };
        responses: {
            /** @description The notification as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    markAllMyNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        updated: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listMyApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyRequest"];
            };
        };
        responses: {
            /** @description The key, with its whole secret, shown this once. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key, now revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listDevOutbox: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OutboxMessage"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Project"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description The new project's URL. */
                    Location?: string;
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project, with the caller's role and this month's usage of the project (by all its members). */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"] & {
                        usage: components["schemas"]["Usage"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; the purge of what belonged to it has started. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    archived?: boolean;
                    /** @description Applied to every text generation of the project (its imageStyle to every image), its rules checked on every text; null removes it. Editors and owners; bad rules answer 400 field by field (brandVoice.<field>). */
                    brandVoice?: components["schemas"]["BrandVoice"] | null;
                    /** @description Owners only (403 otherwise). true charges every run of the project's batches to the batch's creator; false (the default) charges a run to the person who started it ("run now") or who last created, resumed or rescheduled the batch (scheduled runs). */
                    batchRunsChargeCreator?: boolean;
                };
            };
        };
        responses: {
            /** @description The changed project. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Member"][];
                        nextCursor: string | null;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    role: components["schemas"]["Role"];
                };
            };
        };
        responses: {
            /** @description Invited; Location names the invitation. */
            202: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedInvitation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    changeMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                uid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role?: components["schemas"]["Role"];
                    reviewer?: boolean;
                };
            };
        };
        responses: {
            /** @description The member as changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProjectInvitations: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Invitation"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation, now revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    resendInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The renewed invitation and its new accept link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedInvitation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listMyInvitations: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page (it may hold fewer than limit where invitations expired). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Invitation"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["EmailUnverified"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The token in the accept link's fragment. */
                    token?: string;
                };
            };
        };
        responses: {
            /** @description The new membership. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["EmailUnverified"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["InvitationClosed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    declineInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    token?: string;
                };
            };
        };
        responses: {
            /** @description Declined. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["EmailUnverified"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["InvitationClosed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createGeneration: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique value per generation; send it again unchanged when retrying. */
                "Idempotency-Key": string;
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "text" | "image" | "video";
                    prompt?: string;
                    templateId?: string;
                    variables?: {
                        [key: string]: string;
                    };
                    /** @example openai */
                    provider?: string;
                    /** @example gpt-4o-mini */
                    model?: string;
                    /** @description size (1024x1024), aspectRatio (16:9), width, height, duration (5|10), mode (std|pro), quality, style, maxTokens, temperature, negativePrompt, taskType (imagine|upscale|variation), originTaskId, index (1-4), version */
                    options?: {
                        [key: string]: string;
                    };
                    /** @default 1 */
                    count?: number;
                    /**
                     * @description Skip the cache.
                     * @default false
                     */
                    fresh?: boolean;
                    /** @description Regenerate - add a version to this content item (count 1). */
                    contentId?: string;
                    /** @description The brand kit to write in (its voice, rules and image style); the project's default when left out. 422 for another project's kit. */
                    brandKitId?: string;
                    /**
                     * @description Text only: give the prompt the KNOWLEDGE_TOP_K passages of the project's brand knowledge nearest to it, as reference material; the version lists them (knowledge).
                     * @default false
                     */
                    useKnowledge?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted; follow it at Location or its /events. */
            202: {
                headers: {
                    Location?: string;
                    "Idempotent-Replayed"?: boolean;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["BudgetExceeded"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    followGeneration: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `id:` of the last event received on an earlier stream of this job; resumes after it. */
                "Last-Event-ID"?: string;
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    addMedia: {
        parameters: {
            query?: {
                title?: string;
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": Blob;
                "image/*": Blob;
                "video/*": Blob;
                "application/json": {
                    /** Format: uri */
                    url?: string;
                    title?: string;
                    byteSize?: number;
                    contentType?: string;
                };
            };
        };
        responses: {
            /** @description The new content item; or, for a byteSize request, where and how to upload (Location is then its statusUrl). */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Content"] | components["schemas"]["UploadSlot"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    exportProjectMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ZIP file. */
            200: {
                headers: {
                    /** @description attachment, with a file name of the project's name in ASCII. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": Blob;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listExports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exports. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BackgroundExport"][];
                        /** @description A run with more rows than this is best exported here (EXPORT_BACKGROUND_ROWS); the web app does. */
                        backgroundRows: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    startExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    what: "run" | "media";
                    batchId?: string;
                    runId?: string;
                    /** @enum {string} */
                    format?: "csv" | "jsonl" | "zip";
                };
            };
        };
        responses: {
            /** @description Accepted; follow it at Location. */
            202: {
                headers: {
                    /** @description The export's address. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackgroundExport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                exportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackgroundExport"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadExport: {
        parameters: {
            query: {
                /** @description Unix seconds when the link stops working. */
                expires: number;
                /** @description base64url HMAC-SHA256. */
                sig: string;
            };
            header?: never;
            path: {
                exportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    /** @description attachment, with the export's file name. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                    "application/zip": Blob;
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listContents: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                kind?: "text" | "image" | "video";
                /** @description Only items in this review state. Items stored before review existed are draft; on Firestore they are listed under draft once next changed. */
                status?: components["schemas"]["ReviewStatus"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Content"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The content item. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Content"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; the purge of its versions and media has started. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
        };
    };
    updateContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    text?: string;
                    restoreVersion?: number;
                };
            };
        };
        responses: {
            /** @description The changed item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Content"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["Unprocessable"];
        };
    };
    followContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    draftBrandVoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    samples: string[];
                };
            };
        };
        responses: {
            /** @description The drafted guide and what wrote it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        systemPrompt: string;
                        provider: string;
                        model: string;
                        /** @description Written by the built-in offline demo provider. */
                        demo: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            /** @description The provider refused. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["Unavailable"];
        };
    };
    fixContent: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted; follow it at Location or its /events. */
            202: {
                headers: {
                    Location?: string;
                    "Idempotent-Replayed"?: boolean;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listContentVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ContentVersion"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    exportContent: {
        parameters: {
            query: {
                /** @description The version to export (the current one when not given). */
                version?: number;
                /** @description The file format. */
                format: "md" | "html" | "docx" | "pdf";
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    /** @description attachment, with a file name of the title in ASCII and the version (morning-tea-v3.pdf). */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                    "text/html": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "application/pdf": Blob;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getExportStyle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The style. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportStyle"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putExportStyle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportStyle"];
            };
        };
        responses: {
            /** @description The style as stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportStyle"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getContentMedia: {
        parameters: {
            query?: {
                version?: number;
                rendition?: "thumb-256" | "thumb-1024" | "poster";
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The media bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": Blob;
                    "video/*": Blob;
                };
            };
            /** @description Read it from the signed address in Location. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listCommentThreads: {
        parameters: {
            query?: {
                /** @description The version to place text anchors in. */
                version?: number;
                /** @description true: only resolved threads; false: only open ones. */
                resolved?: "true" | "false";
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of threads. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Thread"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 255 visible ASCII characters, unique per comment. */
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Plain text; mentions are written @Name. */
                    body: string;
                    /** @description The uids the body mentions. */
                    mentions?: string[];
                    anchor?: components["schemas"]["Anchor"];
                    version?: number;
                    /** @description The comment replied to. */
                    parentId?: string;
                };
            };
        };
        responses: {
            /** @description The comment an earlier post with the same Idempotency-Key made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The comment. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
                commentId: components["parameters"]["CommentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    editComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
                commentId: components["parameters"]["CommentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description The edited comment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    resolveCommentThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
                commentId: components["parameters"]["CommentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread's first comment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reopenCommentThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
                commentId: components["parameters"]["CommentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread's first comment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reviewContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status: components["schemas"]["ReviewStatus"];
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The item in its new state, with its current version. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Content"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listContentReviews: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Review"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listActivity: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only records of this action. */
                action?: components["parameters"]["ActivityAction"];
                /** @description Only records by this member (a uid), or by system or schedule. */
                actor?: components["parameters"]["ActivityActor"];
                /** @description Only records about this content item (deleted ones too). */
                contentId?: components["parameters"]["ActivityContentId"];
                /** @description Only records at or after this instant (ISO-8601 UTC, e.g. 2026-01-31T09:00:00Z). */
                since?: components["parameters"]["ActivitySince"];
                /** @description Only records before this instant; must come after since. */
                until?: components["parameters"]["ActivityUntil"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Activity"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listBrandKits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BrandKit"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    createBrandKit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    voice?: components["schemas"]["BrandVoice"];
                    isDefault?: boolean;
                };
            };
        };
        responses: {
            /** @description The kit. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandKit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteBrandKit: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                kitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateBrandKit: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                kitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    voice?: components["schemas"]["BrandVoice"];
                    /** @enum {boolean} */
                    isDefault?: true;
                };
            };
        };
        responses: {
            /** @description The changed kit. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrandKit"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The budget and this month's lines. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Budget"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    setBudget: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    monthlyMicros?: number;
                    memberCapMicros?: number;
                    memberCaps?: {
                        [key: string]: number;
                    };
                };
            };
        };
        responses: {
            /** @description The budget as now set. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Budget"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    forecastCost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    batchId?: string;
                    /** @enum {string} */
                    kind?: "text" | "image" | "video";
                    prompt?: string;
                    templateId?: string;
                    variables?: {
                        [key: string]: string;
                    };
                    provider?: string;
                    model?: string;
                    options?: {
                        [key: string]: string;
                    };
                    /** @default 1 */
                    count?: number;
                    fresh?: boolean;
                    contentId?: string;
                    brandKitId?: string;
                };
            };
        };
        responses: {
            /** @description The forecast. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Forecast"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listProviderKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every provider that takes a project's own key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ProviderKey"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    setProviderKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                provider: "anthropic" | "gemini" | "openai";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The provider's API key: visible ASCII, no spaces. */
                    key: string;
                };
            };
        };
        responses: {
            /** @description Set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeProviderKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                provider: "anthropic" | "gemini" | "openai";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed, or there was none. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportActivity: {
        parameters: {
            query?: {
                /** @description Only records of this action. */
                action?: components["parameters"]["ActivityAction"];
                /** @description Only records by this member (a uid), or by system or schedule. */
                actor?: components["parameters"]["ActivityActor"];
                /** @description Only records about this content item (deleted ones too). */
                contentId?: components["parameters"]["ActivityContentId"];
                /** @description Only records at or after this instant (ISO-8601 UTC, e.g. 2026-01-31T09:00:00Z). */
                since?: components["parameters"]["ActivitySince"];
                /** @description Only records before this instant; must come after since. */
                until?: components["parameters"]["ActivityUntil"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProjectTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createProjectTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateDraft"];
            };
        };
        responses: {
            /** @description Created, at version 1. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    projectImportTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateExport"];
            };
        };
        responses: {
            /** @description Imported. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    projectExportTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export document (Content-Disposition attachment). */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateExport"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    projectGetTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    projectDeleteTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    projectUpdateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateChange"];
            };
        };
        responses: {
            /** @description The template at its new version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    projectDuplicateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to?: "personal" | "project";
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The copy. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    projectListTemplateVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TemplateVersion"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    projectGetTemplateVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
                version: components["parameters"]["TemplateVersionNumber"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateVersion"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    projectRestoreTemplateVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
                version: components["parameters"]["TemplateVersionNumber"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    basedOn: number;
                };
            };
        };
        responses: {
            /** @description The template at its new version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    projectDiffTemplateVersions: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The differences. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    projectPreviewTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    values?: components["schemas"]["TemplateValues"];
                };
            };
        };
        responses: {
            /** @description The rendered prompt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    projectExportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export document (Content-Disposition attachment). */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateExport"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    tryTemplate: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique value per try; send it again unchanged when retrying. */
                "Idempotency-Key": string;
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rows: components["schemas"]["TemplateValues"][];
                };
            };
        };
        responses: {
            /** @description Accepted; follow the job at Location. */
            202: {
                headers: {
                    Location?: string;
                    "Idempotent-Replayed"?: boolean;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listTemplates: {
        parameters: {
            query?: {
                projectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates, each with its scope. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateCreate"];
            };
        };
        responses: {
            /** @description Created, at version 1. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getCalendar: {
        parameters: {
            query: {
                /** @description The window's start: a date (read in tz) or a date and time. */
                from: components["parameters"]["CalendarFrom"];
                /** @description The window's end (excluded), at most 62 days after from. */
                to: components["parameters"]["CalendarTo"];
                /** @description The IANA zone dates are read in; UTC when not given. */
                tz?: components["parameters"]["CalendarTimeZone"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The window's entries, in start order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed's state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeed"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new feed. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedCalendarFeed"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed's address opens nothing from now on. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    readCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The feed's token, with or without a trailing .ics. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listKnowledge: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["KnowledgeDocument"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addKnowledge: {
        parameters: {
            query?: {
                /** @description The file's name (required for an upload). */
                name?: string;
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": Blob;
                "application/pdf": Blob;
                "text/markdown": string;
                "text/plain": string;
                "application/json": {
                    url: string;
                };
            };
        };
        responses: {
            /** @description The document, indexed (or failed, with its reason). */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocument"];
                };
            };
            /** @description The document, queued for indexing in the background. */
            202: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    searchKnowledge: {
        parameters: {
            query: {
                q: string;
                k?: number;
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The nearest passages, nearest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["KnowledgeSource"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                docId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KnowledgeDocument"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteKnowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                docId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    previewTemplateDraft: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateDraftPreview"];
            };
        };
        responses: {
            /** @description The rendered prompt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    libraryImportTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateExport"];
            };
        };
        responses: {
            /** @description Imported. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    libraryExportTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export document (Content-Disposition attachment). */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateExport"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    libraryGetTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    libraryDeleteTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    libraryUpdateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TemplateChange"];
            };
        };
        responses: {
            /** @description The template at its new version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    libraryDuplicateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to?: "personal" | "project";
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The copy. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    libraryListTemplateVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TemplateVersion"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    libraryGetTemplateVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
                version: components["parameters"]["TemplateVersionNumber"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateVersion"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    libraryRestoreTemplateVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
                version: components["parameters"]["TemplateVersionNumber"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    basedOn: number;
                };
            };
        };
        responses: {
            /** @description The template at its new version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Template"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    libraryDiffTemplateVersions: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The differences. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    libraryPreviewTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    values?: components["schemas"]["TemplateValues"];
                };
            };
        };
        responses: {
            /** @description The rendered prompt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    libraryExportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A built-in template's id (global-...) or a stored one's. */
                templateId: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export document (Content-Disposition attachment). */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateExport"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    providerWebhook: {
        parameters: {
            query: {
                item: string;
                /** @description Unix seconds when the address was issued */
                ts: number;
                /** @description base64url HMAC-SHA256 */
                sig: string;
            };
            header?: never;
            path: {
                provider: "goapi";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Received; ended says whether the call ended the item. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        received: boolean;
                        ended: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listShares: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Share"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contentIds: string[];
                    permission?: components["schemas"]["SharePermission"];
                    /** Format: date-time */
                    expiresAt?: string;
                    password?: string;
                    label?: string;
                };
            };
        };
        responses: {
            /** @description The link, with its token shown this once. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedShare"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description The SHA-256 (hex) of the link's token. */
                shareId: components["parameters"]["ShareId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Share"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description The SHA-256 (hex) of the link's token. */
                shareId: components["parameters"]["ShareId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link, now revoked (revoking again changes nothing). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Share"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProjectCalendar: {
        parameters: {
            query: {
                /** @description The window's start: a date (read in tz) or a date and time. */
                from: components["parameters"]["CalendarFrom"];
                /** @description The window's end (excluded), at most 62 days after from. */
                to: components["parameters"]["CalendarTo"];
                /** @description The IANA zone dates are read in; UTC when not given. */
                tz?: components["parameters"]["CalendarTimeZone"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The window's entries, in start order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    moveCalendarEntry: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                /** @description The entry's kind (batch or publication). */
                kind: string;
                /** @description The entry's refId: the batch's id. */
                refId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The new start, with its offset.
                     */
                    start: string;
                };
            };
        };
        responses: {
            /** @description The entry at its new start. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listHooks: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Hook"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    events: components["schemas"]["HookEventType"][];
                    description?: string;
                    /** @default true */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The webhook, with its secret shown this once. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedHook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, without its secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; nothing more is sent to it. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    events?: components["schemas"]["HookEventType"][];
                    description?: string;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The webhook as changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotateHookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook, with its new secret shown this once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedHook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    testHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, queued; follow it in the deliveries log. */
            202: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listHookDeliveries: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    resendHookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                hookId: components["parameters"]["HookId"];
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, pending again. */
            202: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listConnections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every connection (at most 20). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Connection"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "wordpress" | "webhook" | "mastodon";
                    name: string;
                    siteUrl: string;
                    /** @description The WordPress user name (wordpress only). */
                    username?: string;
                    /** @description The application password or access token; not given for a webhook. */
                    secret?: string;
                };
            };
        };
        responses: {
            /** @description The connection; for a webhook, with its signing secret shown this once. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedConnection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                connectionId: components["parameters"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    testConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                connectionId: components["parameters"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection with the test's result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listContentPublications: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    publishContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                contentId: components["parameters"]["ContentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connectionId: string;
                    /**
                     * @description Mastodon has no drafts.
                     * @default publish
                     * @enum {string}
                     */
                    mode?: "draft" | "publish";
                    /**
                     * Format: date-time
                     * @description When, with its offset (2026-12-24T09:00:00+01:00); at most a year ahead.
                     */
                    publishAt?: string;
                    tags?: string[];
                    /** @description An image item of the project to go with a text (WordPress's featured image, Mastodon's attachment). */
                    imageContentId?: string;
                };
            };
        };
        responses: {
            /** @description The publication, scheduled. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPublications: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPublication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                publicationId: components["parameters"]["PublicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The publication. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelPublication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                publicationId: components["parameters"]["PublicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The publication, canceled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reschedulePublication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                publicationId: components["parameters"]["PublicationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    publishAt: string;
                };
            };
        };
        responses: {
            /** @description The publication at its new time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    retryPublication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                publicationId: components["parameters"]["PublicationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The publication, scheduled again. */
            202: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    openShare: {
        parameters: {
            query?: never;
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link's items with their current versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SharedPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSharedMedia: {
        parameters: {
            query: {
                contentId: string;
                rendition?: "thumb-256" | "thumb-1024" | "poster";
                /** @description The guest session, for an img or video element that cannot send X-Share-Session. */
                session?: string;
            };
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The media bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": Blob;
                    "video/*": Blob;
                };
            };
            /** @description Read it from the signed address in Location. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    unlockShare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description The session to send as X-Share-Session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        session: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reviewShared: {
        parameters: {
            query?: never;
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contentId: string;
                    /** @enum {string} */
                    status: "approved" | "changes_requested";
                    note?: string;
                    guestName: string;
                };
            };
        };
        responses: {
            /** @description The item in its new state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Content"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSharedCommentThreads: {
        parameters: {
            query: {
                contentId: string;
                /** @description The version to place text anchors in. */
                version?: number;
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of threads, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Thread"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    postSharedComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The guest session unlock gave, for a link with a password. */
                "X-Share-Session"?: components["parameters"]["ShareSession"];
                /** @description 1 to 255 visible ASCII characters, unique per comment. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The link's secret (43 base64url characters). */
                token: components["parameters"]["ShareToken"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contentId: string;
                    guestName: string;
                    body: string;
                    version?: number;
                    parentId?: string;
                    anchor?: components["schemas"]["Anchor"];
                };
            };
        };
        responses: {
            /** @description The comment an earlier post with the same Idempotency-Key made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The new comment. */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listBatches: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Batch"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    templateId: string;
                    rows?: {
                        [key: string]: string;
                    }[];
                    /** @example 0 9 * * 1 */
                    schedule: string;
                    /** @example Europe/Paris */
                    timeZone?: string;
                    /** @default 4 */
                    maxConcurrent?: number;
                    budgetMicros?: number;
                    provider?: string;
                    model?: string;
                    options?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batch. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
        };
    };
    updateBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read; the write is refused with 412 if the resource changed since. */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    paused?: boolean;
                    schedule?: string;
                    timeZone?: string;
                    maxConcurrent?: number;
                    budgetMicros?: number;
                    rows?: {
                        [key: string]: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The changed batch. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["Unprocessable"];
        };
    };
    uploadBatchRows: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": Blob;
            };
        };
        responses: {
            /** @description The batch with its new rows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listBatchRuns: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The nextCursor of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BatchRun"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    exportBatchRun: {
        parameters: {
            query?: {
                /** @description The file format (csv when not given). */
                format?: "csv" | "jsonl";
            };
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
                /** @description A run's id, as the list of runs gives it. */
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    /** @description attachment, with a file name of the batch's name in ASCII and the run's start. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    exportBatchRunMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
                /** @description A run's id, as the list of runs gives it. */
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ZIP file. */
            200: {
                headers: {
                    /** @description attachment, with a file name of the batch's name in ASCII and the run's start. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": Blob;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    runBatchNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run an earlier press started, still going or just started (`started` false). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchRun"];
                };
            };
            /** @description The run it started (`started` true), or recorded as skipped with its reason. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchRun"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    cancelBatchRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: components["parameters"]["ProjectId"];
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchRun"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
}
