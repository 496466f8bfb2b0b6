using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dismissals",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    thread_key = table.Column<string>(type: "TEXT", nullable: false),
                    last_message_at = table.Column<long>(type: "INTEGER", nullable: false),
                    dismissed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dismissals", x => new { x.user_key, x.thread_key });
                });

            migrationBuilder.CreateTable(
                name: "indexed_messages",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    folder = table.Column<string>(type: "TEXT", nullable: false),
                    internet_message_id = table.Column<string>(type: "TEXT", nullable: true),
                    conversation_id = table.Column<string>(type: "TEXT", nullable: true),
                    in_reply_to = table.Column<string>(type: "TEXT", nullable: true),
                    references = table.Column<string>(type: "TEXT", nullable: true),
                    thread_index = table.Column<byte[]>(type: "BLOB", nullable: true),
                    from = table.Column<string>(type: "TEXT", nullable: false),
                    from_name = table.Column<string>(type: "TEXT", nullable: true),
                    to = table.Column<string>(type: "TEXT", nullable: true),
                    cc = table.Column<string>(type: "TEXT", nullable: true),
                    date = table.Column<long>(type: "INTEGER", nullable: true),
                    date_offset_minutes = table.Column<short>(type: "INTEGER", nullable: true),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    auto_submitted = table.Column<string>(type: "TEXT", nullable: true),
                    auto_reply_header = table.Column<bool>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", nullable: true),
                    message_class = table.Column<string>(type: "TEXT", nullable: true),
                    list_unsubscribe = table.Column<bool>(type: "INTEGER", nullable: false),
                    precedence = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indexed_messages", x => new { x.user_key, x.id });
                });

            migrationBuilder.CreateTable(
                name: "mailbox_states",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    addresses = table.Column<string>(type: "TEXT", nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", nullable: true),
                    last_synced_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error_code = table.Column<string>(type: "TEXT", nullable: true),
                    threads_computed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mailbox_states", x => x.user_key);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    message_id = table.Column<string>(type: "TEXT", nullable: true),
                    internet_message_id = table.Column<string>(type: "TEXT", nullable: true),
                    thread_key = table.Column<string>(type: "TEXT", nullable: true),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    remind_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolved_by_message_id = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminders", x => new { x.user_key, x.id });
                });

            migrationBuilder.CreateTable(
                name: "tenant_policies",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "TEXT", nullable: false),
                    default_window_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    min_window_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    max_window_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    excluded_domains = table.Column<string>(type: "TEXT", nullable: false),
                    retention_days = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_policies", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "thread_summaries",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    thread_key = table.Column<string>(type: "TEXT", nullable: false),
                    direction = table.Column<string>(type: "TEXT", nullable: false),
                    message_id = table.Column<string>(type: "TEXT", nullable: false),
                    internet_message_id = table.Column<string>(type: "TEXT", nullable: true),
                    since = table.Column<long>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    counterparts = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    computed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thread_summaries", x => new { x.user_key, x.thread_key });
                });

            migrationBuilder.CreateTable(
                name: "token_cache",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<byte[]>(type: "BLOB", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sliding_seconds = table.Column<long>(type: "INTEGER", nullable: true),
                    absolute_expires_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_token_cache", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_settings",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    window_hours = table.Column<int>(type: "INTEGER", nullable: false),
                    business_days = table.Column<bool>(type: "INTEGER", nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", nullable: true),
                    lookback_days = table.Column<int>(type: "INTEGER", nullable: false),
                    excluded_senders = table.Column<string>(type: "TEXT", nullable: false),
                    excluded_domains = table.Column<string>(type: "TEXT", nullable: false),
                    set_outlook_flags = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_settings", x => x.user_key);
                });

            migrationBuilder.CreateTable(
                name: "folder_sync_states",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    folder = table.Column<string>(type: "TEXT", nullable: false),
                    delta_link = table.Column<string>(type: "TEXT", nullable: true),
                    synced_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_folder_sync_states", x => new { x.user_key, x.folder });
                    table.ForeignKey(
                        name: "fk_folder_sync_states_mailbox_states_user_key",
                        column: x => x.user_key,
                        principalTable: "mailbox_states",
                        principalColumn: "user_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indexed_messages_user_key_folder",
                table: "indexed_messages",
                columns: new[] { "user_key", "folder" });

            migrationBuilder.CreateIndex(
                name: "ix_reminders_user_key_internet_message_id",
                table: "reminders",
                columns: new[] { "user_key", "internet_message_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reminders_user_key_message_id",
                table: "reminders",
                columns: new[] { "user_key", "message_id" });

            migrationBuilder.CreateIndex(
                name: "ix_thread_summaries_user_key_direction_since",
                table: "thread_summaries",
                columns: new[] { "user_key", "direction", "since" });

            migrationBuilder.CreateIndex(
                name: "ix_token_cache_expires_at",
                table: "token_cache",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dismissals");

            migrationBuilder.DropTable(
                name: "folder_sync_states");

            migrationBuilder.DropTable(
                name: "indexed_messages");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropTable(
                name: "tenant_policies");

            migrationBuilder.DropTable(
                name: "thread_summaries");

            migrationBuilder.DropTable(
                name: "token_cache");

            migrationBuilder.DropTable(
                name: "user_settings");

            migrationBuilder.DropTable(
                name: "mailbox_states");
        }
    }
}
