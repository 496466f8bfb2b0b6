namespace OutlookFollowUp.Storage;

/// <summary>
/// Schema version 2, frozen: reminders, dismissals, user settings, tenant policies and the MSAL token cache.
/// Generated once with <c>Database.GenerateCreateScript()</c> (the new tables only) from the model of that day.
/// </summary>
internal static class SchemaV2
{
    public const string Sqlite =
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

    public const string Postgres =
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
