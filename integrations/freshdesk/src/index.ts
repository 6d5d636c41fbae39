import { addNote } from "./actions/add_note.ts";
import { createContact } from "./actions/create_contact.ts";
import { createTicket } from "./actions/create_ticket.ts";
import { getContact } from "./actions/get_contact.ts";
import { getTicket } from "./actions/get_ticket.ts";
import { listContacts } from "./actions/list_contacts.ts";
import { listConversations } from "./actions/list_conversations.ts";
import { listTickets } from "./actions/list_tickets.ts";
import { replyToTicket } from "./actions/reply_to_ticket.ts";
import { updateTicket } from "./actions/update_ticket.ts";
import { freshdeskErrors, freshdeskRequests } from "./freshdesk-api.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";

/**
 * The Freshdesk integration, ready to execute actions: requests go to the helpdesk of the
 * `domain` field with Basic auth, and Freshdesk's 4xx answers become action errors.
 */
export const integration = createIntegration({
  actions: {
    list_tickets: listTickets,
    get_ticket: getTicket,
    create_ticket: createTicket,
    update_ticket: updateTicket,
    list_contacts: listContacts,
    get_contact: getContact,
    create_contact: createContact,
    list_conversations: listConversations,
    reply_to_ticket: replyToTicket,
    add_note: addNote,
  } satisfies Handlers,
})
  .requests(freshdeskRequests)
  .mapErrors(freshdeskErrors);
