#!/bin/sh
# Offline bulk import of this folder into a new, empty Neo4j 5 database.
# Stop the database first; usage: ./import.sh [DATABASE] (default neo4j).
# Afterwards, in Cypher: CREATE CONSTRAINT resource_uri IF NOT EXISTS
#   FOR (n:Resource) REQUIRE n.uri IS UNIQUE;
set -eu
DIR=$(cd "$(dirname "$0")" && pwd)
DB="${1:-neo4j}"
exec neo4j-admin database import full "$DB" \
  --overwrite-destination=true \
  --array-delimiter=';' \
  --multiline-fields=true \
  --nodes="$DIR/nodes_Assertion.csv" \
  --nodes="$DIR/nodes_CallToAction.csv" \
  --nodes="$DIR/nodes_CivilSocietyOrganization.csv" \
  --nodes="$DIR/nodes_Commitment.csv" \
  --nodes="$DIR/nodes_Conference.csv" \
  --nodes="$DIR/nodes_Country.csv" \
  --nodes="$DIR/nodes_Criticism.csv" \
  --nodes="$DIR/nodes_Endorsement.csv" \
  --nodes="$DIR/nodes_GovernmentBody.csv" \
  --nodes="$DIR/nodes_Instrument.csv" \
  --nodes="$DIR/nodes_InternationalOrganization.csv" \
  --nodes="$DIR/nodes_MediaOrganization.csv" \
  --nodes="$DIR/nodes_Meeting.csv" \
  --nodes="$DIR/nodes_Membership.csv" \
  --nodes="$DIR/nodes_Mention.csv" \
  --nodes="$DIR/nodes_NewsArticle.csv" \
  --nodes="$DIR/nodes_Person.csv" \
  --nodes="$DIR/nodes_Place.csv" \
  --nodes="$DIR/nodes_Region.csv" \
  --nodes="$DIR/nodes_Speech.csv" \
  --nodes="$DIR/nodes_Statistic.csv" \
  --relationships="$DIR/relationships_ABOUT.csv" \
  --relationships="$DIR/relationships_ADDRESSEE.csv" \
  --relationships="$DIR/relationships_AFFILIATED_WITH.csv" \
  --relationships="$DIR/relationships_AUTHOR.csv" \
  --relationships="$DIR/relationships_CITES_SOURCE.csv" \
  --relationships="$DIR/relationships_CLAIMANT.csv" \
  --relationships="$DIR/relationships_DELIVERED_AT.csv" \
  --relationships="$DIR/relationships_DESTINATION_COUNTRY.csv" \
  --relationships="$DIR/relationships_DOCUMENT.csv" \
  --relationships="$DIR/relationships_HOST.csv" \
  --relationships="$DIR/relationships_LOCATED_IN.csv" \
  --relationships="$DIR/relationships_LOCATION.csv" \
  --relationships="$DIR/relationships_MEMBER.csv" \
  --relationships="$DIR/relationships_MEMBER_OF.csv" \
  --relationships="$DIR/relationships_MENTION.csv" \
  --relationships="$DIR/relationships_MENTIONED_IN.csv" \
  --relationships="$DIR/relationships_ON_BEHALF_OF.csv" \
  --relationships="$DIR/relationships_ORGANIZATION.csv" \
  --relationships="$DIR/relationships_ORGANIZER.csv" \
  --relationships="$DIR/relationships_PARTICIPANT.csv" \
  --relationships="$DIR/relationships_PART_OF.csv" \
  --relationships="$DIR/relationships_PUBLISHER.csv" \
  --relationships="$DIR/relationships_QUOTES.csv" \
  --relationships="$DIR/relationships_SOURCE_COUNTRY.csv" \
  --relationships="$DIR/relationships_SPEAKER.csv" \
  --relationships="$DIR/relationships_STATED_IN.csv" \
  --relationships="$DIR/relationships_TRANSIT_COUNTRY.csv"
