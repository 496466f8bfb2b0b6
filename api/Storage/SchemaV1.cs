namespace OutlookFollowUp.Storage;

/// <summary>Schema version 1, frozen: generated once with <c>Database.GenerateCreateScript()</c> from the model of that day.</summary>
internal static class SchemaV1
{
    public const string Sqlite =
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

    public const string Postgres =
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
}
