import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1796030048353 implements MigrationInterface {
  name = 'AuditTrail1796030048353';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entries" ("seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor_username" text, "kind" text NOT NULL, "target_type" text, "target_id" text, "address" text, "user_agent" text, "data" jsonb NOT NULL DEFAULT \'{}\', "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_0de907d00514c64bf4c6fd7ae10" PRIMARY KEY ("seq"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_b12f87335630edfd1294cf349b" ON "audit_entries"  ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_eeff0593464209220a1d692939" ON "audit_entries"  ("actor_user_id") ');
    await queryRunner.query('CREATE INDEX "IDX_f4b11f6904466ddb3ffb5f1398" ON "audit_entries"  ("target_id") ');
    await queryRunner.query('CREATE INDEX "IDX_b7c20d9c2fb67c0100cae73fdc" ON "audit_entries"  ("kind", "at") ');
    // Append-only, enforced by the database itself: whatever the application does, rows are never changed or removed.
    await queryRunner.query(`CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_entries_no_truncate ON audit_entries');
    await queryRunner.query('DROP TRIGGER audit_entries_no_change ON audit_entries');
    await queryRunner.query('DROP FUNCTION audit_entries_append_only()');
    await queryRunner.query('DROP INDEX "public"."IDX_b7c20d9c2fb67c0100cae73fdc"');
    await queryRunner.query('DROP INDEX "public"."IDX_f4b11f6904466ddb3ffb5f1398"');
    await queryRunner.query('DROP INDEX "public"."IDX_eeff0593464209220a1d692939"');
    await queryRunner.query('DROP INDEX "public"."IDX_b12f87335630edfd1294cf349b"');
    await queryRunner.query('DROP TABLE "audit_entries"');
  }
}
