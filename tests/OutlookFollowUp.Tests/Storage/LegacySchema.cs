namespace OutlookFollowUp.Tests.Storage;

/// <summary>
/// The schema as the hand-written migrator left it before EF Core migrations (versions 1 and 2, its frozen SQL, kept
/// here only to build legacy databases for the upgrade tests; the SQLite case also has a real file, Legacy/followups-v2.db).
/// </summary>
internal static class LegacySchema
{
    public const string VersionTable =
        "CREATE TABLE schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)";

    public const string V1Sqlite =
        """
        CREATE TABLE "indexed_messages" (
            "user_key" TEXT NOT NULL,
            "id" TEXT NOT NULL,
            "folder" TEXT NOT NULL,
            "internet_message_id" TEXT NULL,
            "conversation_id" TEXT NULL,
            "in_reply_to" TEXT NULL,
            "references" TEXT NULL,
            "thread_index" BLOB NULL,
            "from" TEXT NOT NULL,
            "from_name" TEXT NULL,
            "to" TEXT NULL,
            "cc" TEXT NULL,
            "date" INTEGER NULL,
            "date_offset_minutes" INTEGER NULL,
            "subject" TEXT NOT NULL,
            "auto_submitted" TEXT NULL,
            "auto_reply_header" INTEGER NOT NULL,
            "content_type" TEXT NULL,
            "message_class" TEXT NULL,
            "list_unsubscribe" INTEGER NOT NULL,
            "precedence" TEXT NULL,
            CONSTRAINT "PK_indexed_messages" PRIMARY KEY ("user_key", "id")
        );

        CREATE TABLE "mailbox_states" (
            "user_key" TEXT NOT NULL CONSTRAINT "PK_mailbox_states" PRIMARY KEY,
            "addresses" TEXT NOT NULL,
            "time_zone" TEXT NULL,
            "last_synced_at" INTEGER NULL,
            "last_attempt_at" INTEGER NULL,
            "last_error_code" TEXT NULL,
            "threads_computed_at" INTEGER NULL
        );

        CREATE TABLE "thread_summaries" (
            "user_key" TEXT NOT NULL,
            "thread_key" TEXT NOT NULL,
            "direction" TEXT NOT NULL,
            "message_id" TEXT NOT NULL,
            "internet_message_id" TEXT NULL,
            "since" INTEGER NOT NULL,
            "subject" TEXT NOT NULL,
            "counterparts" TEXT NOT NULL,
            "reason" TEXT NOT NULL,
            "computed_at" INTEGER NOT NULL,
            CONSTRAINT "PK_thread_summaries" PRIMARY KEY ("user_key", "thread_key")
        );

        CREATE TABLE "folder_sync_states" (
            "user_key" TEXT NOT NULL,
            "folder" TEXT NOT NULL,
            "delta_link" TEXT NULL,
            "synced_at" INTEGER NULL,
            CONSTRAINT "PK_folder_sync_states" PRIMARY KEY ("user_key", "folder"),
            CONSTRAINT "FK_folder_sync_states_mailbox_states_user_key" FOREIGN KEY ("user_key") REFERENCES "mailbox_states" ("user_key") ON DELETE CASCADE
        );

        CREATE INDEX "IX_indexed_messages_user_key_folder" ON "indexed_messages" ("user_key", "folder");

        CREATE INDEX "IX_thread_summaries_user_key_direction_since" ON "thread_summaries" ("user_key", "direction", "since");
        """;

    public const string V1Postgres =
        """
        CREATE TABLE indexed_messages (
            user_key text NOT NULL,
            id text NOT NULL,
            folder text NOT NULL,
            internet_message_id text,
            conversation_id text,
            in_reply_to text,
            "references" text,
            thread_index bytea,
            "from" text NOT NULL,
            from_name text,
            "to" text,
            cc text,
            date timestamp with time zone,
            date_offset_minutes smallint,
            subject text NOT NULL,
            auto_submitted text,
            auto_reply_header boolean NOT NULL,
            content_type text,
            message_class text,
            list_unsubscribe boolean NOT NULL,
            precedence text,
            CONSTRAINT "PK_indexed_messages" PRIMARY KEY (user_key, id)
        );

        CREATE TABLE mailbox_states (
            user_key text NOT NULL,
            addresses text NOT NULL,
            time_zone text,
            last_synced_at timestamp with time zone,
            last_attempt_at timestamp with time zone,
            last_error_code text,
            threads_computed_at timestamp with time zone,
            CONSTRAINT "PK_mailbox_states" PRIMARY KEY (user_key)
        );

        CREATE TABLE thread_summaries (
            user_key text NOT NULL,
            thread_key text NOT NULL,
            direction text NOT NULL,
            message_id text NOT NULL,
            internet_message_id text,
            since timestamp with time zone NOT NULL,
            subject text NOT NULL,
            counterparts text NOT NULL,
            reason text NOT NULL,
            computed_at timestamp with time zone NOT NULL,
            CONSTRAINT "PK_thread_summaries" PRIMARY KEY (user_key, thread_key)
        );

        CREATE TABLE folder_sync_states (
            user_key text NOT NULL,
            folder text NOT NULL,
            delta_link text,
            synced_at timestamp with time zone,
            CONSTRAINT "PK_folder_sync_states" PRIMARY KEY (user_key, folder),
            CONSTRAINT "FK_folder_sync_states_mailbox_states_user_key" FOREIGN KEY (user_key) REFERENCES mailbox_states (user_key) ON DELETE CASCADE
        );

        CREATE INDEX "IX_indexed_messages_user_key_folder" ON indexed_messages (user_key, folder);

        CREATE INDEX "IX_thread_summaries_user_key_direction_since" ON thread_summaries (user_key, direction, since);
        """;

    public const string V2Sqlite =
        """
        CREATE TABLE "dismissals" (
            "user_key" TEXT NOT NULL,
            "thread_key" TEXT NOT NULL,
            "last_message_at" INTEGER NOT NULL,
            "dismissed_at" INTEGER NOT NULL,
            CONSTRAINT "PK_dismissals" PRIMARY KEY ("user_key", "thread_key")
        );

        CREATE TABLE "reminders" (
            "user_key" TEXT NOT NULL,
            "id" TEXT NOT NULL,
            "message_id" TEXT NULL,
            "internet_message_id" TEXT NULL,
            "thread_key" TEXT NULL,
            "subject" TEXT NOT NULL,
            "remind_at" INTEGER NOT NULL,
            "created_at" INTEGER NOT NULL,
            "done_at" INTEGER NULL,
            "resolved_at" INTEGER NULL,
            "resolved_by_message_id" TEXT NULL,
            CONSTRAINT "PK_reminders" PRIMARY KEY ("user_key", "id")
        );

        CREATE TABLE "tenant_policies" (
            "tenant_id" TEXT NOT NULL CONSTRAINT "PK_tenant_policies" PRIMARY KEY,
            "default_window_hours" INTEGER NOT NULL,
            "min_window_hours" INTEGER NOT NULL,
            "max_window_hours" INTEGER NOT NULL,
            "excluded_domains" TEXT NOT NULL,
            "retention_days" INTEGER NOT NULL,
            "updated_at" INTEGER NOT NULL
        );

        CREATE TABLE "token_cache" (
            "id" TEXT NOT NULL CONSTRAINT "PK_token_cache" PRIMARY KEY,
            "value" BLOB NOT NULL,
            "expires_at" INTEGER NOT NULL,
            "sliding_seconds" INTEGER NULL,
            "absolute_expires_at" INTEGER NULL
        );

        CREATE TABLE "user_settings" (
            "user_key" TEXT NOT NULL CONSTRAINT "PK_user_settings" PRIMARY KEY,
            "window_hours" INTEGER NOT NULL,
            "business_days" INTEGER NOT NULL,
            "time_zone" TEXT NULL,
            "lookback_days" INTEGER NOT NULL,
            "excluded_senders" TEXT NOT NULL,
            "excluded_domains" TEXT NOT NULL,
            "set_outlook_flags" INTEGER NOT NULL,
            "updated_at" INTEGER NOT NULL
        );

        CREATE INDEX "IX_reminders_user_key_internet_message_id" ON "reminders" ("user_key", "internet_message_id");

        CREATE INDEX "IX_reminders_user_key_message_id" ON "reminders" ("user_key", "message_id");

        CREATE INDEX "IX_token_cache_expires_at" ON "token_cache" ("expires_at");
        """;

    public const string V2Postgres =
        """
        CREATE TABLE dismissals (
            user_key text NOT NULL,
            thread_key text NOT NULL,
            last_message_at timestamp with time zone NOT NULL,
            dismissed_at timestamp with time zone NOT NULL,
            CONSTRAINT "PK_dismissals" PRIMARY KEY (user_key, thread_key)
        );

        CREATE TABLE reminders (
            user_key text NOT NULL,
            id text NOT NULL,
            message_id text,
            internet_message_id text,
            thread_key text,
            subject text NOT NULL,
            remind_at timestamp with time zone NOT NULL,
            created_at timestamp with time zone NOT NULL,
            done_at timestamp with time zone,
            resolved_at timestamp with time zone,
            resolved_by_message_id text,
            CONSTRAINT "PK_reminders" PRIMARY KEY (user_key, id)
        );

        CREATE TABLE tenant_policies (
            tenant_id text NOT NULL,
            default_window_hours integer NOT NULL,
            min_window_hours integer NOT NULL,
            max_window_hours integer NOT NULL,
            excluded_domains text NOT NULL,
            retention_days integer NOT NULL,
            updated_at timestamp with time zone NOT NULL,
            CONSTRAINT "PK_tenant_policies" PRIMARY KEY (tenant_id)
        );

        CREATE TABLE token_cache (
            id text NOT NULL,
            value bytea NOT NULL,
            expires_at timestamp with time zone NOT NULL,
            sliding_seconds bigint,
            absolute_expires_at timestamp with time zone,
            CONSTRAINT "PK_token_cache" PRIMARY KEY (id)
        );

        CREATE TABLE user_settings (
            user_key text NOT NULL,
            window_hours integer NOT NULL,
            business_days boolean NOT NULL,
            time_zone text,
            lookback_days integer NOT NULL,
            excluded_senders text NOT NULL,
            excluded_domains text NOT NULL,
            set_outlook_flags boolean NOT NULL,
            updated_at timestamp with time zone NOT NULL,
            CONSTRAINT "PK_user_settings" PRIMARY KEY (user_key)
        );

        CREATE INDEX "IX_reminders_user_key_internet_message_id" ON reminders (user_key, internet_message_id);

        CREATE INDEX "IX_reminders_user_key_message_id" ON reminders (user_key, message_id);

        CREATE INDEX "IX_token_cache_expires_at" ON token_cache (expires_at);
        """;
}
