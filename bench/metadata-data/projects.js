// Labelled project documents of the parts business (written for this benchmark): briefs, plans and reports of
// 1,300-4,000 characters with headings and lists, as a project tool would hold them, and the tags a person would
// give each (normalized: lower case, single spaces). See bench/README.md, "bench:metadata".
export const projects = [
  {
    id: 'd01-scanner-rollout',
    title: 'Warehouse barcode scanner rollout',
    content: `Background
The Leeds distribution centre still uses handheld barcode scanners bought in 2014. Pickers report that the scanners fail to read damaged or curved labels, and the batteries rarely last a full shift. Mis-picks caused by manual entry of part numbers cost us an estimated 1.2 percent of orders last year.

Goal
Replace every handheld scanner in the distribution centre with rugged Android scanners that read damaged labels, connect to the warehouse management system over Wi-Fi and last a double shift on one battery.

Plan
- Pilot: twenty scanners on the returns line during March, with daily feedback from the shift leads.
- Rollout: all pick, pack and goods-in stations by the end of May, one zone per week.
- Training: a thirty-minute session for each picker, run by the shift leads after the pilot.

The new scanners run the same picking app as the packing benches, so pickers see the bin location, the part number and a photo of the part before they scan it. Scanning a wrong part stops the pick with a warning instead of accepting the entry.

Risks
The warehouse management system needs a firmware update before the scanners can print shipping labels from the belt printers. If the update slips, the rollout moves to June and the pilot scanners stay on the returns line. Wi-Fi coverage in the mezzanine racking is weak; the facilities team will survey it and add two access points before zone 4 goes live.

Budget
Approved budget covers 140 scanners, spare batteries, charging cradles for every zone and three years of device management licences. Old scanners will be wiped and recycled through the supplier's take-back scheme.`,
    tags: [
      'barcode scanners',
      'distribution centre',
      'warehouse management system',
      'mis-picks',
      'pilot',
      'rollout',
      'wi-fi coverage',
      'shipping labels',
    ],
  },
  {
    id: 'd02-fitment-data-cleanup',
    title: 'Fitment data clean-up for brake parts',
    content: `Why
Customers return about 6 percent of brake pads and rotors because the part does not fit their vehicle. Most of those returns trace back to fitment data: vehicle applications copied from old supplier spreadsheets, missing engine or trim details, and duplicate entries with conflicting years.

Scope
The project covers all brake pads, brake rotors, calipers and brake hoses in the catalogue, about 18,000 parts. Other categories follow once the method works.

Approach
1. Import the suppliers' latest ACES files and compare them with our fitment records part by part.
2. Flag every record where the year range, engine, drive type or trim differs, and every vehicle that appears twice with different answers.
3. Send flagged records to the fitment review queue, where the catalogue team approves, corrects or rejects each one.
4. Use the AI fitment suggestions only as a starting point: a reviewer must approve each suggestion before it reaches the website.

Measures
We will track the fit-related return rate for brake parts every month, the number of open review items and the share of parts with complete engine and trim data. The target is to bring fit-related returns below 2 percent within two quarters.

Dependencies
The review queue needs a bulk approve action for records where our data and the supplier's ACES data agree, otherwise the backlog is too large for the team. The product team has planned it for the next sprint.

Out of scope
Tyre and wheel fitment, which depends on bolt patterns and offsets rather than vehicle applications, stays with the current process this year.`,
    tags: [
      'fitment data',
      'brake parts',
      'returns',
      'aces files',
      'vehicle applications',
      'review queue',
      'catalogue team',
    ],
  },
  {
    id: 'd03-ev-range',
    title: 'Electric vehicle parts range expansion',
    content: `Summary
Electric and plug-in hybrid vehicles made up 14 percent of new registrations in our market last year, and the first large wave of them is now leaving warranty. Independent garages ask us for parts we do not stock. This project adds an electric vehicle range to the catalogue over the next nine months.

Range
The first phase covers parts that wear or fail outside the high-voltage system and that garages can fit without special training: brake pads and rotors for heavier EVs, cabin air filters, wiper blades, 12V auxiliary batteries, suspension arms and tyre pressure sensors. The second phase adds coolant for battery thermal management systems, charging cables and on-board charger fuses.

High-voltage parts such as battery modules, inverters and drive motors are not in scope: they need certified technicians, and most manufacturers only sell them through dealers.

Suppliers
We will ask our three main brake and filter suppliers for their EV programmes and add one specialist supplier for charging cables. Every new part needs fitment data for the EV models, since many EV versions share a model name with the petrol car but use different brakes and suspension.

Marketing and training
The sales team will run short webinars for garage customers on the differences in EV brakes, which corrode because regenerative braking means the friction brakes are used less. A landing page will group the EV range by vehicle model.

Success
The range should reach 2,500 parts and 3 percent of parts revenue by the end of the year, with a fit-related return rate no higher than the rest of the catalogue.`,
    tags: [
      'electric vehicle parts',
      'plug-in hybrid',
      'high-voltage system',
      'charging cables',
      '12v auxiliary batteries',
      'regenerative braking',
      'fitment data',
      'suppliers',
    ],
  },
  {
    id: 'd04-returns-process',
    title: 'Returns process redesign',
    content: `Problem
Returned parts wait an average of eleven days between arriving at the warehouse and the customer's refund. Customers call the service desk to ask where their refund is, and the returns bay is full most weeks. Core returns for alternators, starters and brake calipers are mixed with ordinary returns and often lose their core credit.

Goals
- Refund within three working days of the parcel arriving.
- Separate core returns from ordinary returns at the door.
- Tell the customer by email at each step: received, inspected, refunded.

New process
Every returned parcel is scanned at goods-in against its return authorisation, which tells the receiver whether it is a core return, a wrong part, a damaged part or a change of mind. Core returns go straight to the core cage and are credited once their condition is checked. Unopened parts in resaleable condition go back to stock the same day. Damaged parts and warranty claims go to inspection, where a technician decides within two days whether the claim goes to the supplier.

Systems
The returns portal will ask the customer for the reason and a photo before it issues a return label. The warehouse management system gets a returns screen that shows the reason and the inspection rules for each part category. Refunds are triggered by the inspection result instead of by a weekly batch.

Timeline
Process design and the returns screen in the first quarter, the portal changes in the second. The service desk will measure refund questions before and after.`,
    tags: [
      'returns process',
      'refund',
      'core returns',
      'return authorisation',
      'warranty claims',
      'returns portal',
      'inspection',
    ],
  },
  {
    id: 'd05-pricing-engine',
    title: 'Dynamic pricing rules for trade customers',
    content: `Context
Trade customers (garages, fleet workshops and body shops) buy on price lists that the sales team updates by hand twice a year. Supplier prices now change every few weeks, so our margins on fast-moving parts such as brake pads, filters and batteries shrink between updates, and some prices are higher than competitors' for months.

Proposal
Replace the twice-yearly price lists with pricing rules that run every night. Each rule sets a trade price from the supplier cost, a target margin for the part category and the customer's discount tier. A floor keeps every price above cost plus handling; a ceiling keeps it within five percent of the best competitor price we track.

Rules in the first release
- Category margins for brakes, filtration, batteries, lighting and suspension.
- Discount tiers bronze, silver and gold, set by the customer's spend over the last twelve months.
- Fleet contracts with fixed prices keep their prices until the contract ends.

Safeguards
No trade price may move more than eight percent in one night; larger changes wait for approval by a category manager. Every price change is logged with the rule that made it, so the sales team can explain a price to a customer. A weekly report lists parts whose margin fell below target.

Data
Supplier costs arrive in the procurement imports each week. Competitor prices come from the existing price monitoring feed for about 4,000 fast-moving parts.

Measures
Gross margin on trade sales, the number of price complaints and the share of quotes won against competitors, compared for three months before and after.`,
    tags: [
      'pricing rules',
      'trade customers',
      'price lists',
      'supplier cost',
      'margins',
      'discount tiers',
      'fleet contracts',
      'competitor prices',
    ],
  },
  {
    id: 'd06-erp-integration',
    title: 'Supplier ERP integration for purchase orders',
    content: `Current state
Purchase orders to our twenty largest suppliers are sent as spreadsheets by email. Suppliers confirm by email, often days later, and the buyers re-type confirmed quantities and delivery dates into our ERP. Errors in that step cause stock-outs of fast-moving parts and double orders of slow ones.

Target state
Purchase orders, order confirmations, advance shipping notices and invoices flow between our ERP and each supplier's system as EDI messages or over the supplier's API. Buyers only handle exceptions: a confirmation with a shorter quantity, a later delivery date or a price that differs from the agreed price.

Phases
Phase one connects the five suppliers that already offer EDI, starting with our largest brake supplier. Phase two adds the suppliers with a REST API. Smaller suppliers keep the spreadsheet process but upload it through the procurement import screen, which checks quantities and prices before anything reaches the ERP.

Technical notes
Messages go through an integration service that keeps every message, its status and any error. A message that fails validation is never dropped; it waits in an exception queue with the reason, and the buyer who owns the supplier gets a notification. Advance shipping notices create expected receipts in the warehouse management system, so goods-in can check deliveries against them.

Risks
Supplier part numbers differ from ours for about 9 percent of parts. The cross-reference table must be complete for a supplier before it goes live, or its confirmations will fail to match.`,
    tags: [
      'supplier erp integration',
      'purchase orders',
      'edi messages',
      'advance shipping notices',
      'exception queue',
      'cross-reference table',
      'buyers',
    ],
  },
  {
    id: 'd07-packaging',
    title: 'Sustainable packaging for online orders',
    content: `Aim
Cut the plastic in our online order packaging by 80 percent within a year, without more parts damaged in transit.

Today
Orders ship in corrugated boxes filled with plastic air pillows, and small parts such as fuses, bulbs and sensors go in plastic mailer bags. Heavy parts like brake rotors and batteries travel in double-wall boxes with plastic strapping. Customers often comment on the amount of packaging for a small part.

Changes
- Replace air pillows with paper void fill from a machine at each packing bench.
- Ship small parts in paper mailers with a tear strip and a second adhesive strip for returns.
- Right-size boxes: the packing software picks the smallest of eight box sizes that fits the order's parts, using their dimensions from the catalogue.
- Keep double-wall boxes for brake rotors, batteries and glass parts, but replace plastic strapping with paper tape.

Testing
Before the switch, the packing team ships test parcels of the ten parts with the most transit damage through each carrier and checks them on arrival. Damage claims are tracked by part category for three months after the change.

Catalogue data
Right-sizing needs the length, width, height and weight of each part. About a fifth of parts lack dimensions; the catalogue team will fill them in, starting with the best sellers.`,
    tags: [
      'sustainable packaging',
      'online orders',
      'paper void fill',
      'paper mailers',
      'right-size boxes',
      'transit damage',
      'catalogue data',
    ],
  },
  {
    id: 'd08-chatbot',
    title: 'Parts finder assistant on the website',
    content: `What we are building
An assistant on the website that helps customers find the right part by asking about their vehicle and their problem in plain language. A customer can type "squealing noise when braking on my 2017 Golf" and get the brake parts that fit that car, with a short explanation and links to the product pages.

How it works
The assistant reads the customer's question, recognises the vehicle (make, model, year, engine where given) and searches the catalogue with the vehicle as a filter. A language model writes the answer using only the products the search found and cites each product by its part number. If the search finds nothing that fits, the assistant says so and offers the contact form instead of guessing.

Guard rails
The assistant never recommends a part without fitment data for the customer's vehicle. It gives no repair instructions for safety-critical systems beyond pointing to a qualified mechanic. All answers are logged for review, and customers can rate each answer.

Measures
Share of assistant sessions that end in a product page visit, add-to-cart rate from assistant answers compared with search, rating of answers, and the number of wrong-fit returns for orders that started in the assistant.

Launch
A soft launch to 10 percent of visitors, then everyone if the wrong-fit return rate is no higher than for search.`,
    tags: [
      'parts finder assistant',
      'website',
      'language model',
      'fitment data',
      'vehicle filter',
      'part number',
      'wrong-fit returns',
    ],
  },
  {
    id: 'd09-recall-response',
    title: 'Brake hose recall response plan',
    content: `Situation
One of our suppliers has recalled a batch of front brake hoses because the crimped fittings can leak under high pressure. The affected hoses carry date codes from weeks 14 to 22 and were sold under two part numbers. We sold about 3,100 of them, mostly to trade customers.

Immediate actions
1. Quarantine all stock with the affected date codes in every warehouse and block the part numbers for sale until the new batch arrives.
2. Identify every customer who bought the part numbers in the period from the order history, including counter sales at the branches.
3. Contact trade customers by phone and email within two working days, and retail customers by email and letter, with instructions to stop fitting the hoses and return them.

Replacement and credit
Customers receive replacement hoses from the new batch free of charge, and trade customers get a labour allowance set by the supplier for hoses already fitted. The supplier reimburses us for the hoses, the shipping and the allowances.

Communication
The service desk has a script and a list of questions and answers. The recall notice goes on the website and on the product pages of both part numbers. All contacts with customers are logged against the order, so we can show the supplier and the regulator who was told and when.

Closing
The recall stays open until at least 95 percent of the hoses are returned or confirmed destroyed. A final report goes to the supplier and the regulator.`,
    tags: [
      'brake hose recall',
      'date codes',
      'quarantine',
      'trade customers',
      'replacement hoses',
      'labour allowance',
      'recall notice',
      'regulator',
    ],
  },
  {
    id: 'd10-branch-stock',
    title: 'Branch stock optimisation',
    content: `Overview
Our 38 branches hold stock for same-day delivery to garages. Each branch manager decides what to stock, and the result is uneven: some branches hold parts that have not sold in two years, while others run out of the brake pads, oil filters and batteries that garages need every day. Lost same-day sales are estimated at 4 percent of branch revenue.

Approach
We will set stock levels for each branch from its own sales history and the vehicles registered in its area. A forecasting model predicts weekly demand per part and branch; a reorder point and an order-up-to level follow from the forecast, the supplier lead time and the service level we want for each part class.

Part classes
- Class A: fast movers such as brake pads, filters, wiper blades and batteries. Target availability 98 percent.
- Class B: regular parts such as shock absorbers and water pumps. Target 92 percent.
- Class C: slow movers, held only at the regional hubs and delivered to branches on the next van run.

Excess stock
Parts above their new maximum move to branches that need them or back to the central warehouse. Parts with no sales anywhere for two years are returned to suppliers under the stock rotation agreements or sold off.

Branch managers keep the final word: they can change a stock level with a reason, and the reasons feed back into the model.

Results to track
Same-day fill rate, stock value per branch, stock turns and the value of excess stock moved or returned.`,
    tags: [
      'branch stock optimisation',
      'same-day delivery',
      'forecasting model',
      'reorder point',
      'service level',
      'part classes',
      'excess stock',
      'stock rotation',
    ],
  },
  {
    id: 'd11-catalogue-migration',
    title: 'Product catalogue migration to the new PIM',
    content: `Purpose
Move the product catalogue from the legacy database to the new product information management system (PIM), so that product data, images and fitment data live in one place and reach the website, the trade portal and the marketplaces from there.

What moves
About 210,000 parts with their titles, descriptions, attributes, images, cross-references to supplier and OE part numbers, and vehicle fitment. Price and stock stay in the ERP and are joined at the channels.

Data model
Each part category gets an attribute template in the PIM: brake pads carry position, width, height, thickness and wear sensor; batteries carry group size, cold cranking amps, capacity and terminal layout. Attributes that were free text in the legacy database are mapped to these templates; values that do not map go to a data quality queue.

Migration steps
1. Map legacy fields to PIM attributes per category and agree the mapping with the category managers.
2. Run trial migrations each week into a test PIM and compare part counts, attribute fill rates and images with the legacy data.
3. Freeze catalogue edits for two days, run the final migration and switch the channels to the PIM feeds.

Quality checks
The migration is accepted when every part has a title, a category and at least one image, the attribute fill rate per category is at least as high as in the legacy database, and search on the website returns the same top results for the 500 most common queries.

Afterwards
The legacy database stays read-only for six months, then it is archived.`,
    tags: [
      'product catalogue migration',
      'pim',
      'product information management',
      'attribute templates',
      'fitment',
      'data quality',
      'trial migrations',
      'legacy database',
    ],
  },
  {
    id: 'd12-delivery-routes',
    title: 'Van delivery route planning',
    content: `Challenge
Branch vans deliver parts to garages several times a day. Drivers plan their own routes from a list of drops, and garages are promised delivery within an hour of ordering. On busy days drivers miss that promise for a third of the drops, and vans often leave half empty while another van covers the same streets.

Solution
A route planning tool will build van runs every thirty minutes from the orders waiting at each branch. It groups drops by area, orders them to keep driving time short and respects the promised delivery time of each order. Urgent orders, such as a garage with a car on the lift, can jump the queue.

Drivers
Drivers see their run on a phone app with the drop order, the garage's address and delivery notes, and they record proof of delivery with a signature or a photo. The app shows the driver when a new urgent drop is added on the way.

Fleet
The planning tool uses the van capacity and the weight of each part, so heavy parts like brake rotors, batteries and exhaust sections are spread over runs. Electric vans are planned with their range and charging times.

Pilot and measures
A pilot at four branches for eight weeks. We will measure on-time delivery, drops per van run, kilometres driven per drop and driver overtime, and compare them with four similar branches.`,
    tags: [
      'van delivery',
      'route planning',
      'garages',
      'delivery time',
      'proof of delivery',
      'van capacity',
      'electric vans',
      'pilot',
    ],
  },
  {
    id: 'd13-remanufacturing',
    title: 'Remanufactured parts programme',
    content: `Opportunity
Garages send back thousands of used alternators, starter motors, brake calipers and turbochargers as cores each year. Today we pass every core to the suppliers for a credit. Rebuilding the most common units ourselves, with a partner workshop, would give us a cheaper range for price-sensitive customers and cut waste.

Programme
Cores come in through the existing core returns process. The partner workshop sorts them by part number and condition, strips them, cleans the housings and replaces every wear part: bearings, brushes, seals, pistons and rubber boots depending on the unit. Each rebuilt unit is tested on a bench to the original specification and gets a two-year warranty, the same as a new part.

Range
We start with the 200 alternators, starters and brake calipers that come back most often, then add turbochargers once the workshop has a balancing machine. Remanufactured parts are sold under our own brand, next to new parts on the product page, with a clear label.

Quality
Warranty returns of remanufactured units are tracked separately. If the return rate of a part number is above that of the new part for two months, it is taken off sale until the cause is found.

Environment
Each remanufactured alternator saves about 80 percent of the material and energy of a new one. The programme report will show the weight of cores rebuilt and recycled each quarter.`,
    tags: [
      'remanufactured parts',
      'cores',
      'alternators',
      'starter motors',
      'brake calipers',
      'turbochargers',
      'partner workshop',
      'warranty',
    ],
  },
  {
    id: 'd14-search-relevance',
    title: 'Website search relevance improvements',
    content: `Findings
An analysis of three months of site search shows that 18 percent of searches return no result or no part that fits the customer's saved vehicle. Most failures fall into a few groups: part numbers typed with spaces or without dashes, trade names such as "disc pads" for brake pads, misspellings like "alternater", and searches for a symptom rather than a part.

Changes
- Part number matching that ignores spaces, dashes and leading zeros, and matches supplier and OE cross-references.
- A synonym list maintained by the catalogue team: disc pads, brake pads; track rod end, tie rod end; and about 300 more.
- Typo-tolerant matching for part names, but never for part numbers.
- Semantic search for descriptive queries, so that "battery for cold mornings" finds high cold cranking amp batteries.
- Results filtered by the saved vehicle where the customer has one, with the option to see all parts.

Measurement
A set of 500 labelled queries with the parts that should come first lets us compare ranking changes before release. After release we track the zero-result rate, the click-through rate on the first three results and the search-to-cart rate.

Ownership
The search team owns the ranking and the labelled queries; the catalogue team owns synonyms and attribute data, since search can only be as good as the product data behind it.`,
    tags: [
      'search relevance',
      'site search',
      'part number matching',
      'synonyms',
      'typo-tolerant matching',
      'semantic search',
      'labelled queries',
      'saved vehicle',
    ],
  },
];
