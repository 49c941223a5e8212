#pragma once
// Project file schema: every version's DDL and the forward migrations between them.
class QByteArray;
class QString;

namespace vs::store {

class Connection;

inline constexpr int kApplicationId = 0x56535031;  // "VSP1" in PRAGMA application_id

// The statements that create schema version 1 exactly as version 1 of the program did
// (kept so tests and the migration path can be checked against a real old file).
const char* schemaV1Sql();

// The whole version 5 schema in PostgreSQL's spelling (schema_pg.cpp): tables, indexes and the
// PL/pgSQL history triggers, equivalent to SQLite's version 5.
void createPostgresV5(Connection& db, const QString& where);

// PostgreSQL's part of version 6: change notifications (schema_pg.cpp).
void createPostgresNotify(Connection& db, const QString& where);

// Version 7 (schema_lease_room.cpp): videos.takers / videos.room kept by triggers for leases.
void createLeaseRoom(Connection& db, const QString& where);
// Counts every video's takers again and sets its room (after rows were copied in wholesale).
void recountLeaseRoom(Connection& db, const QString& where);
// Sets every video's room from its takers (after the judgements per video changed).
void updateLeaseRoom(Connection& db, const QString& where);

// Version 8 (schema_lease_room.cpp; SQLite only): the triggers for added evaluations stand aside
// while a bulk import runs, between begin and end (inside its transaction, which then counts the
// videos it wrote to with recountLeaseRoomSql).
void guardLeaseRoomForBulk(Connection& db, const QString& where);
void beginBulkLeaseRoom(Connection& db, const QString& where);
void endBulkLeaseRoom(Connection& db, const QString& where);
// An UPDATE counting again the takers and room of the videos whose ids the query `ids` gives
// (as a column named id).
QByteArray recountLeaseRoomSql(const char* ids);

// Brings a project at `fromVersion` (0 = empty new file) to `toVersion`, in one transaction.
void migrate(Connection& db, int fromVersion, int toVersion, const QString& where);

}  // namespace vs::store
