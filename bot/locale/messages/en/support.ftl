### Support: distress safety net and talking to a person.

support-distress_intro = I'm sorry you feel this way. You don't have to carry this alone.
support-distress_emergency = If you are in danger now, call the emergency number { $emergency }.
support-distress_helpline = You can talk to someone at the { $name }: { $phone } ({ $hours }). { $url }
support-distress_more = You can also ask here to talk to a person from the employment services.
support-coach_intro = A coach from { $service } can help you.
support-coach_contact = Phone: { $phone } ({ $hours }). Web: { $url }
support-coach_visit = You can also visit: { $visit }.
support-coach_next = What happens next: a coach sees a summary of our chat only if you agree to share it. When you contact the service, you can say you used DigiPoint.
