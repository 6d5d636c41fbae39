/** Objects shaped like Freshdesk API v2's documented responses. */

/** A ticket as GET /tickets/:id returns it. */
export const ticket = {
  cc_emails: ["ops@acme.example"],
  fwd_emails: [],
  reply_cc_emails: ["ops@acme.example"],
  email_config_id: null,
  fr_escalated: false,
  group_id: null,
  priority: 2,
  requester_id: 43000123456,
  responder_id: null,
  source: 2,
  spam: false,
  status: 2,
  subject: "Cannot export invoices to PDF",
  company_id: null,
  id: 1042,
  type: "Problem",
  to_emails: null,
  product_id: null,
  created_at: "2026-11-20T09:14:03Z",
  updated_at: "2026-11-20T09:14:03Z",
  due_by: "2026-11-23T09:14:03Z",
  fr_due_by: "2026-11-21T09:14:03Z",
  is_escalated: false,
  description: "<div>The export button spins forever.</div>",
  description_text: "The export button spins forever.",
  custom_fields: { cf_plan: "Team" },
  tags: ["billing"],
  attachments: [],
};

/** A ticket as GET /tickets lists it: no description fields. */
export const listedTicket = (() => {
  const { description: _d, description_text: _t, attachments: _a, ...rest } = ticket;
  return rest;
})();

/** A contact. */
export const contact = {
  active: false,
  address: null,
  company_id: null,
  description: null,
  email: "mira.okafor@example.com",
  id: 43000123456,
  job_title: "Accountant",
  language: "en",
  mobile: null,
  name: "Mira Okafor",
  phone: "+44 20 7946 0958",
  time_zone: "London",
  twitter_id: null,
  custom_fields: {},
  tags: [],
  other_emails: [],
  created_at: "2026-11-20T09:14:03Z",
  updated_at: "2026-11-20T09:14:03Z",
};

/** A customer's incoming email on a ticket. */
export const incomingConversation = {
  body: "<div>Still broken this morning.</div>",
  body_text: "Still broken this morning.",
  id: 43001000001,
  incoming: true,
  private: false,
  user_id: 43000123456,
  support_email: "support@acme.freshdesk.com",
  source: 0,
  category: 2,
  to_emails: ["support@acme.freshdesk.com"],
  from_email: "mira.okafor@example.com",
  cc_emails: [],
  bcc_emails: null,
  email_failure_count: null,
  outgoing_failures: null,
  thread_id: null,
  thread_message_id: null,
  created_at: "2026-11-21T08:02:11Z",
  updated_at: "2026-11-21T08:02:11Z",
  attachments: [],
  last_edited_at: null,
  last_edited_user_id: null,
  automation_id: null,
  automation_type_id: null,
  auto_response: false,
  ticket_id: 1042,
  source_additional_info: null,
};

/** What POST /tickets/:id/reply returns. */
export const reply = {
  body: "<div>We found the cause and deployed a fix.</div>",
  body_text: "We found the cause and deployed a fix.",
  id: 43001000002,
  user_id: 43000000001,
  from_email: "support@acme.freshdesk.com",
  cc_emails: [],
  bcc_emails: [],
  ticket_id: 1042,
  to_emails: ["mira.okafor@example.com"],
  attachments: [],
  created_at: "2026-11-21T10:30:00Z",
  updated_at: "2026-11-21T10:30:00Z",
};

/** What POST /tickets/:id/notes returns. */
export const note = {
  body: "<div>Escalated to the PDF team.</div>",
  body_text: "Escalated to the PDF team.",
  id: 43001000003,
  incoming: false,
  private: true,
  user_id: 43000000001,
  support_email: null,
  ticket_id: 1042,
  notified_to: ["lead@acme.example"],
  attachments: [],
  created_at: "2026-11-21T10:31:00Z",
  updated_at: "2026-11-21T10:31:00Z",
};
