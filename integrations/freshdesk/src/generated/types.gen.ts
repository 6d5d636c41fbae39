// provisional
export interface ListTicketsInput {
/**
 * A predefined filter.
 */
filter?: ("new_and_my_open" | "watching" | "spam" | "deleted")
/**
 * Only tickets from this contact.
 */
requester_id?: number
/**
 * Only tickets from this requester email.
 */
email?: string
/**
 * Only tickets of this company.
 */
company_id?: number
/**
 * Only tickets updated at or after this time (ISO 8601).
 */
updated_since?: string
/**
 * Sort field (default created_at).
 */
order_by?: ("created_at" | "due_by" | "updated_at" | "status")
/**
 * Sort direction (default desc).
 */
order_type?: ("asc" | "desc")
/**
 * Page number, from 1 (default 1).
 */
page?: number
/**
 * Results per page (1-100; Freshdesk's default is 30).
 */
per_page?: number
}
export interface ListTicketsOutput {
tickets: {
id: number
subject: string
/**
 * HTML body; present when a single ticket is fetched.
 */
description?: string
/**
 * Plain-text body; present when a single ticket is fetched.
 */
description_text?: string
/**
 * 2 Open, 3 Pending, 4 Resolved, 5 Closed (custom statuses use other numbers).
 */
status: number
/**
 * 1 Low, 2 Medium, 3 High, 4 Urgent.
 */
priority: (1 | 2 | 3 | 4)
source?: number
/**
 * Ticket type, e.g. Question or Incident.
 */
type?: (string | null)
requester_id: number
/**
 * Agent assigned to the ticket.
 */
responder_id?: (number | null)
/**
 * Group assigned to the ticket.
 */
group_id?: (number | null)
/**
 * Company of the requester.
 */
company_id?: (number | null)
tags?: string[]
/**
 * Addresses copied on the ticket.
 */
cc_emails?: string[]
/**
 * Resolution due time (ISO 8601).
 */
due_by?: (string | null)
/**
 * First response due time (ISO 8601).
 */
fr_due_by?: (string | null)
is_escalated?: boolean
spam?: boolean
custom_fields?: {
[k: string]: unknown
}
created_at: string
updated_at: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export interface GetTicketInput {
/**
 * The ticket id.
 */
ticket_id: number
}
export interface GetTicketOutput {
ticket: {
id: number
subject: string
/**
 * HTML body; present when a single ticket is fetched.
 */
description?: string
/**
 * Plain-text body; present when a single ticket is fetched.
 */
description_text?: string
/**
 * 2 Open, 3 Pending, 4 Resolved, 5 Closed (custom statuses use other numbers).
 */
status: number
/**
 * 1 Low, 2 Medium, 3 High, 4 Urgent.
 */
priority: (1 | 2 | 3 | 4)
source?: number
/**
 * Ticket type, e.g. Question or Incident.
 */
type?: (string | null)
requester_id: number
/**
 * Agent assigned to the ticket.
 */
responder_id?: (number | null)
/**
 * Group assigned to the ticket.
 */
group_id?: (number | null)
/**
 * Company of the requester.
 */
company_id?: (number | null)
tags?: string[]
/**
 * Addresses copied on the ticket.
 */
cc_emails?: string[]
/**
 * Resolution due time (ISO 8601).
 */
due_by?: (string | null)
/**
 * First response due time (ISO 8601).
 */
fr_due_by?: (string | null)
is_escalated?: boolean
spam?: boolean
custom_fields?: {
[k: string]: unknown
}
created_at: string
updated_at: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface CreateTicketInput {
/**
 * Requester email; a contact is created when unknown.
 */
email?: string
/**
 * Requester contact id.
 */
requester_id?: number
/**
 * Requester phone; with no email, name is required by Freshdesk.
 */
phone?: string
/**
 * Requester name, used when a new contact is created.
 */
name?: string
/**
 * Ticket subject.
 */
subject: string
/**
 * Ticket body; HTML allowed.
 */
description: string
/**
 * 1 Low, 2 Medium, 3 High, 4 Urgent.
 */
priority: (1 | 2 | 3 | 4)
/**
 * 2 Open, 3 Pending, 4 Resolved, 5 Closed.
 */
status: (2 | 3 | 4 | 5)
/**
 * Ticket type, one of the types configured in Freshdesk (e.g. Question).
 */
type?: string
/**
 * Tags; replaces the existing tags on update.
 */
tags?: string[]
/**
 * Agent to assign.
 */
responder_id?: number
/**
 * Group to assign.
 */
group_id?: number
/**
 * Custom field values by field name, e.g. {"cf_order_id": "A-17"}.
 */
custom_fields?: {

}
/**
 * 1 Email, 2 Portal, 3 Phone, 7 Chat, 9 Feedback widget, 10 Outbound email.
 */
source?: (1 | 2 | 3 | 7 | 9 | 10)
/**
 * Addresses to copy.
 */
cc_emails?: string[]
}
export interface CreateTicketOutput {
ticket: {
id: number
subject: string
/**
 * HTML body; present when a single ticket is fetched.
 */
description?: string
/**
 * Plain-text body; present when a single ticket is fetched.
 */
description_text?: string
/**
 * 2 Open, 3 Pending, 4 Resolved, 5 Closed (custom statuses use other numbers).
 */
status: number
/**
 * 1 Low, 2 Medium, 3 High, 4 Urgent.
 */
priority: (1 | 2 | 3 | 4)
source?: number
/**
 * Ticket type, e.g. Question or Incident.
 */
type?: (string | null)
requester_id: number
/**
 * Agent assigned to the ticket.
 */
responder_id?: (number | null)
/**
 * Group assigned to the ticket.
 */
group_id?: (number | null)
/**
 * Company of the requester.
 */
company_id?: (number | null)
tags?: string[]
/**
 * Addresses copied on the ticket.
 */
cc_emails?: string[]
/**
 * Resolution due time (ISO 8601).
 */
due_by?: (string | null)
/**
 * First response due time (ISO 8601).
 */
fr_due_by?: (string | null)
is_escalated?: boolean
spam?: boolean
custom_fields?: {
[k: string]: unknown
}
created_at: string
updated_at: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface UpdateTicketInput {
/**
 * The ticket id.
 */
ticket_id: number
/**
 * Ticket subject.
 */
subject?: string
/**
 * Ticket body; HTML allowed.
 */
description?: string
/**
 * 1 Low, 2 Medium, 3 High, 4 Urgent.
 */
priority?: (1 | 2 | 3 | 4)
/**
 * 2 Open, 3 Pending, 4 Resolved, 5 Closed.
 */
status?: (2 | 3 | 4 | 5)
/**
 * Ticket type, one of the types configured in Freshdesk (e.g. Question).
 */
type?: string
/**
 * Tags; replaces the existing tags on update.
 */
tags?: string[]
/**
 * Agent to assign.
 */
responder_id?: number
/**
 * Group to assign.
 */
group_id?: number
/**
 * Custom field values by field name, e.g. {"cf_order_id": "A-17"}.
 */
custom_fields?: {

}
}
export interface UpdateTicketOutput {
ticket: {
id: number
subject: string
/**
 * HTML body; present when a single ticket is fetched.
 */
description?: string
/**
 * Plain-text body; present when a single ticket is fetched.
 */
description_text?: string
/**
 * 2 Open, 3 Pending, 4 Resolved, 5 Closed (custom statuses use other numbers).
 */
status: number
/**
 * 1 Low, 2 Medium, 3 High, 4 Urgent.
 */
priority: (1 | 2 | 3 | 4)
source?: number
/**
 * Ticket type, e.g. Question or Incident.
 */
type?: (string | null)
requester_id: number
/**
 * Agent assigned to the ticket.
 */
responder_id?: (number | null)
/**
 * Group assigned to the ticket.
 */
group_id?: (number | null)
/**
 * Company of the requester.
 */
company_id?: (number | null)
tags?: string[]
/**
 * Addresses copied on the ticket.
 */
cc_emails?: string[]
/**
 * Resolution due time (ISO 8601).
 */
due_by?: (string | null)
/**
 * First response due time (ISO 8601).
 */
fr_due_by?: (string | null)
is_escalated?: boolean
spam?: boolean
custom_fields?: {
[k: string]: unknown
}
created_at: string
updated_at: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface ListContactsInput {
/**
 * Only the contact with this email.
 */
email?: string
/**
 * Only contacts with this mobile number.
 */
mobile?: string
/**
 * Only contacts with this phone number.
 */
phone?: string
/**
 * Only contacts of this company.
 */
company_id?: number
/**
 * Only contacts in this state.
 */
state?: ("blocked" | "deleted" | "unverified" | "verified")
/**
 * Only contacts updated at or after this time.
 */
updated_since?: string
/**
 * Page number, from 1 (default 1).
 */
page?: number
/**
 * Results per page (1-100; Freshdesk's default is 30).
 */
per_page?: number
}
export interface ListContactsOutput {
contacts: {
id: number
name: string
/**
 * Primary email.
 */
email: (string | null)
/**
 * Work phone.
 */
phone?: (string | null)
/**
 * Mobile phone.
 */
mobile?: (string | null)
/**
 * Twitter handle.
 */
twitter_id?: (string | null)
/**
 * Primary company.
 */
company_id?: (number | null)
/**
 * Job title.
 */
job_title?: (string | null)
language?: string
time_zone?: string
/**
 * True once the contact verified their email.
 */
active?: boolean
/**
 * Postal address.
 */
address?: (string | null)
/**
 * Notes about the contact.
 */
description?: (string | null)
tags?: string[]
custom_fields?: {
[k: string]: unknown
}
created_at: string
updated_at: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export interface GetContactInput {
/**
 * The contact id.
 */
contact_id: number
}
export interface GetContactOutput {
contact: {
id: number
name: string
/**
 * Primary email.
 */
email: (string | null)
/**
 * Work phone.
 */
phone?: (string | null)
/**
 * Mobile phone.
 */
mobile?: (string | null)
/**
 * Twitter handle.
 */
twitter_id?: (string | null)
/**
 * Primary company.
 */
company_id?: (number | null)
/**
 * Job title.
 */
job_title?: (string | null)
language?: string
time_zone?: string
/**
 * True once the contact verified their email.
 */
active?: boolean
/**
 * Postal address.
 */
address?: (string | null)
/**
 * Notes about the contact.
 */
description?: (string | null)
tags?: string[]
custom_fields?: {
[k: string]: unknown
}
created_at: string
updated_at: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface CreateContactInput {
/**
 * Full name.
 */
name: string
/**
 * Primary email (unique).
 */
email?: string
/**
 * Work phone.
 */
phone?: string
/**
 * Mobile phone.
 */
mobile?: string
/**
 * Twitter handle.
 */
twitter_id?: string
/**
 * Company the contact belongs to.
 */
company_id?: number
/**
 * Job title.
 */
job_title?: string
/**
 * Notes about the contact.
 */
description?: string
/**
 * Tags.
 */
tags?: string[]
}
export interface CreateContactOutput {
contact: {
id: number
name: string
/**
 * Primary email.
 */
email: (string | null)
/**
 * Work phone.
 */
phone?: (string | null)
/**
 * Mobile phone.
 */
mobile?: (string | null)
/**
 * Twitter handle.
 */
twitter_id?: (string | null)
/**
 * Primary company.
 */
company_id?: (number | null)
/**
 * Job title.
 */
job_title?: (string | null)
language?: string
time_zone?: string
/**
 * True once the contact verified their email.
 */
active?: boolean
/**
 * Postal address.
 */
address?: (string | null)
/**
 * Notes about the contact.
 */
description?: (string | null)
tags?: string[]
custom_fields?: {
[k: string]: unknown
}
created_at: string
updated_at: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface ListConversationsInput {
/**
 * The ticket id.
 */
ticket_id: number
/**
 * Page number, from 1 (default 1).
 */
page?: number
/**
 * Results per page (1-100; Freshdesk's default is 30).
 */
per_page?: number
}
export interface ListConversationsOutput {
/**
 * Items: A reply or note on a ticket.
 */
conversations: {
id: number
ticket_id?: number
/**
 * HTML content.
 */
body: string
/**
 * Plain-text content.
 */
body_text?: string
/**
 * True when it came from outside (e.g. the customer).
 */
incoming?: boolean
/**
 * True for a private note.
 */
private?: boolean
/**
 * Who wrote it.
 */
user_id?: number
/**
 * 0 Reply, 1 Email, 2 Note, 3 Created from tweet, … (Freshdesk's conversation sources).
 */
source?: number
/**
 * The support mailbox used.
 */
support_email?: (string | null)
/**
 * Sender of a reply.
 */
from_email?: (string | null)
to_emails?: (string[] | null)
cc_emails?: (string[] | null)
bcc_emails?: (string[] | null)
attachments?: {
[k: string]: unknown
}[]
created_at: string
updated_at?: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export interface ReplyToTicketInput {
/**
 * The ticket id.
 */
ticket_id: number
/**
 * Reply content; HTML allowed.
 */
body: string
/**
 * Support mailbox to send from (default: the ticket's).
 */
from_email?: string
/**
 * Addresses to copy.
 */
cc_emails?: string[]
/**
 * Addresses to blind-copy.
 */
bcc_emails?: string[]
}
export interface ReplyToTicketOutput {
/**
 * A reply or note on a ticket.
 */
conversation: {
id: number
ticket_id?: number
/**
 * HTML content.
 */
body: string
/**
 * Plain-text content.
 */
body_text?: string
/**
 * True when it came from outside (e.g. the customer).
 */
incoming?: boolean
/**
 * True for a private note.
 */
private?: boolean
/**
 * Who wrote it.
 */
user_id?: number
/**
 * 0 Reply, 1 Email, 2 Note, 3 Created from tweet, … (Freshdesk's conversation sources).
 */
source?: number
/**
 * The support mailbox used.
 */
support_email?: (string | null)
/**
 * Sender of a reply.
 */
from_email?: (string | null)
to_emails?: (string[] | null)
cc_emails?: (string[] | null)
bcc_emails?: (string[] | null)
attachments?: {
[k: string]: unknown
}[]
created_at: string
updated_at?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface AddNoteInput {
/**
 * The ticket id.
 */
ticket_id: number
/**
 * Note content; HTML allowed.
 */
body: string
/**
 * False makes the note visible to the requester (default true).
 */
private?: boolean
/**
 * Agent addresses to notify about the note.
 */
notify_emails?: string[]
}
export interface AddNoteOutput {
/**
 * A reply or note on a ticket.
 */
conversation: {
id: number
ticket_id?: number
/**
 * HTML content.
 */
body: string
/**
 * Plain-text content.
 */
body_text?: string
/**
 * True when it came from outside (e.g. the customer).
 */
incoming?: boolean
/**
 * True for a private note.
 */
private?: boolean
/**
 * Who wrote it.
 */
user_id?: number
/**
 * 0 Reply, 1 Email, 2 Note, 3 Created from tweet, … (Freshdesk's conversation sources).
 */
source?: number
/**
 * The support mailbox used.
 */
support_email?: (string | null)
/**
 * Sender of a reply.
 */
from_email?: (string | null)
to_emails?: (string[] | null)
cc_emails?: (string[] | null)
bcc_emails?: (string[] | null)
attachments?: {
[k: string]: unknown
}[]
created_at: string
updated_at?: string
[k: string]: unknown
}
[k: string]: unknown
}
export interface Credentials {
api_key: string
domain: string
}
export interface Actions {
  list_tickets: { input: ListTicketsInput; output: ListTicketsOutput };
  get_ticket: { input: GetTicketInput; output: GetTicketOutput };
  create_ticket: { input: CreateTicketInput; output: CreateTicketOutput };
  update_ticket: { input: UpdateTicketInput; output: UpdateTicketOutput };
  list_contacts: { input: ListContactsInput; output: ListContactsOutput };
  get_contact: { input: GetContactInput; output: GetContactOutput };
  create_contact: { input: CreateContactInput; output: CreateContactOutput };
  list_conversations: { input: ListConversationsInput; output: ListConversationsOutput };
  reply_to_ticket: { input: ReplyToTicketInput; output: ReplyToTicketOutput };
  add_note: { input: AddNoteInput; output: AddNoteOutput };
}
export interface Triggers {

}
